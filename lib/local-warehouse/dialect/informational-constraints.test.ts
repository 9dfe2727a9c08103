import { describe, expect, it } from 'vitest';
import { informationalConstraints } from './informational-constraints';

describe('informationalConstraints', () => {
  it.each([
    ['CREATE TABLE T (A INT PRIMARY KEY, B INT)', 'CREATE TABLE T (A INT NOT NULL, B INT)'],
    ['CREATE TABLE T (A INT UNIQUE, B INT NOT NULL)', 'CREATE TABLE T (A INT , B INT NOT NULL)'],
    ['CREATE TABLE T (A INT CONSTRAINT PK PRIMARY KEY NOT NULL)', 'CREATE TABLE T (A INT NOT NULL NOT NULL)'],
    ['CREATE TABLE T (A INT REFERENCES P (ID), B INT)', 'CREATE TABLE T (A INT , B INT)'],
    ['CREATE TABLE T (A INT, B INT, PRIMARY KEY (A, B))', 'CREATE TABLE T (A INT, B INT)'],
    ['CREATE TABLE T (A INT, CONSTRAINT FK FOREIGN KEY (A) REFERENCES P (ID))', 'CREATE TABLE T (A INT)'],
    ['CREATE TABLE T (PRIMARY KEY (A), A INT)', 'CREATE TABLE T (A INT)'],
    ['CREATE TABLE T (A INT UNIQUE DEFAULT 1)', 'CREATE TABLE T (A INT  DEFAULT 1)'],
  ])('%s → %s', (sql, expected) => {
    expect(informationalConstraints(sql)).toBe(expected);
  });

  it('leaves statements without key constraints alone', () => {
    const sql = "CREATE TABLE T AS SELECT 'PRIMARY KEY' AS NOTE";
    expect(informationalConstraints(sql)).toBe(sql);
  });

  it('refuses ALTER TABLE … ADD of a key constraint, which it could not show afterwards', () => {
    expect(() => informationalConstraints('ALTER TABLE T ADD CONSTRAINT PK PRIMARY KEY (A)')).toThrow(/000002|Unsupported feature/);
  });
});
