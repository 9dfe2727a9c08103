import { describe, expect, it } from 'vitest';
import { interpreterFixture } from './interpreter-fixture';

const { value, failure } = interpreterFixture();

describe('exceptions', () => {
  it('reports an uncaught declared exception with its number, P0001 and where it was raised (exceptions.md)', async () => {
    const { error } = await failure(`
DECLARE
  my_exception EXCEPTION (-20002, 'Raised MY_EXCEPTION.');
BEGIN
  LET counter := 0;
  LET should_raise_exception := true;
  IF (should_raise_exception) THEN
    RAISE my_exception;
  END IF;
  counter := counter + 1;
  RETURN counter;
END;`);
    expect(error).toEqual({
      code: '-20002',
      sqlState: 'P0001',
      message: "Uncaught exception of type 'MY_EXCEPTION' on line 8 at position 4 : Raised MY_EXCEPTION.",
    });
  });

  it('gives an exception declared without a number -20000 and no message (raise.md)', async () => {
    const { error } = await failure(`DECLARE
  MY_EXCEPTION EXCEPTION;
BEGIN
  RAISE MY_EXCEPTION;
END;`);
    expect(error).toEqual({ code: '-20000', sqlState: 'P0001', message: "Uncaught exception of type 'MY_EXCEPTION' on line 4 at position 2" });
  });

  it('catches by name, with WHEN … OR …, and exposes SQLCODE, SQLERRM and SQLSTATE to the handler', async () => {
    const text = `DECLARE
  exception_1 EXCEPTION (-20001, 'I caught the expected exception.');
  exception_2 EXCEPTION (-20002, 'Not the expected exception!');
  exception_3 EXCEPTION (-20003, 'Nor this one.');
BEGIN
  RAISE exception_1;
EXCEPTION
  WHEN exception_2 THEN
    RETURN 'wrong handler';
  WHEN exception_3 OR exception_1 THEN
    RETURN SQLCODE || ' ' || SQLERRM || ' ' || SQLSTATE;
END;`;
    expect(await value(text)).toBe('-20001 I caught the expected exception. P0001');
  });

  it('raises STATEMENT_ERROR for a failing statement and EXPRESSION_ERROR for a failing expression', async () => {
    const handlers = `EXCEPTION
  WHEN STATEMENT_ERROR THEN
    RETURN 'statement ' || SQLCODE || ' ' || SQLSTATE;
  WHEN EXPRESSION_ERROR THEN
    RETURN 'expression ' || SQLCODE || ' ' || SQLSTATE;
END;`;
    expect(await value(`BEGIN\n  SELECT * FROM non_existent_table;\n${handlers}`)).toBe('statement 2003 42S02');
    expect(await value(`BEGIN\n  LET n INTEGER := 'abc';\n${handlers}`)).toBe('expression 100038 22018');
  });

  it('lets WHEN OTHER catch any exception, declared ones included', async () => {
    const text = `DECLARE
  MY_EXCEPTION EXCEPTION (-20001, 'Sample message');
BEGIN
  RAISE MY_EXCEPTION;
EXCEPTION
  WHEN STATEMENT_ERROR THEN
    RETURN 'statement';
  WHEN OTHER THEN
    RETURN 'other ' || SQLERRM;
END;`;
    expect(await value(text)).toBe('other Sample message');
  });

  it('checks inner handlers first and tells apart exceptions of the same name in different blocks', async () => {
    const text = `DECLARE
  result VARCHAR;
  e1 EXCEPTION (-20001, 'Outer exception e1');
BEGIN
  result := 'No error so far (but there will be).';
  DECLARE
    e1 EXCEPTION (-20101, 'Inner exception e1');
  BEGIN
    RAISE e1;
  EXCEPTION
    WHEN e1 THEN
      result := 'Inner exception raised.';
      RETURN result;
  END;
  RETURN result;
EXCEPTION
  WHEN e1 THEN
    result := 'Outer exception raised.';
    RETURN result;
END;`;
    expect(await value(text)).toBe('Inner exception raised.');
  });

  it('passes an exception an inner block does not handle to the outer block', async () => {
    const text = `DECLARE
  e1 EXCEPTION (-20001, 'Exception e1');
BEGIN
  DECLARE
    e2 EXCEPTION (-20002, 'Exception e2');
    selector BOOLEAN DEFAULT TRUE;
  BEGIN
    IF (selector) THEN
      RAISE e1;
    ELSE
      RAISE e2;
    END IF;
  EXCEPTION
    WHEN e2 THEN
      RETURN 'inner';
  END;
EXCEPTION
  WHEN e1 THEN
    RETURN SQLERRM || ' caught in outer block.';
END;`;
    expect(await value(text)).toBe('Exception e1 caught in outer block.');
  });

  it('continues after an inner block whose handler ends without RETURN (EXIT)', async () => {
    const text = `DECLARE
  steps VARCHAR DEFAULT '';
  e EXCEPTION (-20001, 'e');
BEGIN
  BEGIN
    steps := steps || 'a';
    RAISE e;
    steps := steps || 'never';
  EXCEPTION
    WHEN e THEN
      steps := steps || 'b';
  END;
  RETURN steps || 'c';
END;`;
    expect(await value(text)).toBe('abc');
  });

  it('raises the handled exception again with a bare RAISE', async () => {
    const { error, host } = await failure(
      `BEGIN
  SELECT * FROM non_existent_table;
EXCEPTION
  WHEN OTHER THEN
    LET line := SQLCODE || ': ' || SQLERRM;
    INSERT INTO myexceptions VALUES (:line);
    RAISE;
END;`,
      { setup: ['CREATE TABLE myexceptions (line VARCHAR)'] },
    );
    expect(error.code).toBe('002003');
    expect(error.message).toMatch(/^Uncaught exception of type 'STATEMENT_ERROR' on line 2 at position 2 : SQL compilation error:/);
    const logged = await host.evaluate('(SELECT line FROM myexceptions)');
    expect(logged.value).toMatch(/^2003: SQL compilation error:/);
  });

  it('shows the handler the variables of DECLARE and the arguments, not those of the body', async () => {
    const text = `DECLARE
  counter_val INTEGER DEFAULT 0;
  my_exception EXCEPTION (-20002, 'My exception text');
BEGIN
  LET hidden := 'body variable';
  WHILE (counter_val < 12) DO
    counter_val := counter_val + 1;
    IF (counter_val > 10) THEN
      RAISE my_exception;
    END IF;
  END WHILE;
  RETURN counter_val;
EXCEPTION
  WHEN my_exception THEN
    RETURN 'Error ' || sqlcode || ': Counter value ' || counter_val || ' exceeds the limit of ' || amount || '.';
END;`;
    expect(await value(text, { args: { AMOUNT: { value: 10, type: 'NUMBER(38,0)' } } })).toBe('Error -20002: Counter value 11 exceeds the limit of 10.');
    const { error } = await failure(text.replace("' || amount || '", "' || hidden || '"), { args: { AMOUNT: { value: 10, type: 'NUMBER(38,0)' } } });
    expect(error.message).toMatch(/^Uncaught exception of type 'EXPRESSION_ERROR' on line 15 at position 11 : .*invalid identifier 'HIDDEN'/s);
  });

  it('refuses RAISE of a name that no block declares as an exception', async () => {
    const { error } = await failure(`BEGIN
  RAISE nothing_declared;
END;`);
    expect(error.message).toContain("Exception 'NOTHING_DECLARED' is not declared");
  });

  it('refuses a CONTINUE handler as unsupported instead of running it as an EXIT one', async () => {
    const { error } = await failure(`BEGIN
  SELECT 1/0;
  RETURN 'after';
EXCEPTION
  WHEN OTHER CONTINUE THEN
    RETURN 'handled';
END;`);
    expect(error.code).toBe('000002');
    expect(error.message).toContain('CONTINUE exception handlers');
  });
});
