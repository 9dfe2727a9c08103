import { describe, expect, it } from 'vitest';
import { parseCpu, parseMemory } from './resources';

describe('parseCpu', () => {
  it.each([
    [1, 1],
    [0.5, 0.5],
    ['0.25', 0.25],
    ['500m', 0.5],
    [' 1500m ', 1.5],
    [0, null],
    [-1, null],
    ['0m', null],
    ['1.5m', null],
    ['half', null],
    [true, null],
  ])('%j → %j', (value, cpus) => {
    expect(parseCpu(value)).toBe(cpus);
  });
});

describe('parseMemory', () => {
  it.each([
    ['512Mi', 512 * 1024 ** 2],
    ['0.5Gi', 0.5 * 1024 ** 3],
    ['2G', 2e9],
    ['100M', 1e8],
    ['64Ki', 65536],
    ['1k', 1000],
    ['1Ti', 1024 ** 4],
    ['512', null],
    [512, null],
    ['2GB', null],
    ['0Gi', null],
    ['Gi', null],
  ])('%j → %j', (value, bytes) => {
    expect(parseMemory(value)).toBe(bytes);
  });
});
