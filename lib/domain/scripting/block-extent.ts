/**
 * Where a statement that holds a Snowflake Scripting block ends, for the statement splitter: the
 * `;`s inside `[DECLARE …] BEGIN … END;` (and inside `CREATE … AS BEGIN … END;`, a procedure
 * or task body written without $$) end the block's own statements, not the statement. The
 * statement ends at the first `;` after the END that closes the outermost BEGIN.
 *
 * Token-level, never failing on unfinished text (the editor splits what is being typed): it
 * counts what opens and closes an END. BEGIN, IF, FOR, WHILE, REPEAT and LOOP open one only
 * where a statement starts (so `CREATE TABLE IF NOT EXISTS`, `CURSOR FOR`, `REPEAT('a', 3)` do
 * not); CASE opens one anywhere, since a SQL `CASE … END` expression closes with END too.
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/blocks
 */
import { isSymbol, isWord, type Token } from '../sql/lexer';
import { isTransactionBegin } from './block-start';

/** Statement-level words that an `END <word>` closes. */
const OPENED_AT_START = new Set(['IF', 'FOR', 'WHILE', 'REPEAT', 'LOOP']);
/** Words after which the next word starts a statement. */
const BEFORE_STATEMENT = new Set(['THEN', 'ELSE', 'DO', 'LOOP', 'DECLARE']);

type Mode = 'plain' | 'create' | 'block';

export class BlockExtent {
  private mode: Mode = 'plain';
  private count = 0;
  private depth = 0;
  private opened = false;
  private atStart = true;
  private previous: Token | undefined;

  /** Takes the statement's next significant token; `next` is the one after it, if any. */
  take(token: Token, next: Token | undefined): void {
    const first = this.count === 0;
    this.count += 1;
    const afterAs = isWord(this.previous, 'AS');
    const afterEnd = isWord(this.previous, 'END');
    this.previous = token;
    if (first) {
      if (isWord(token, 'CREATE')) this.mode = 'create';
      else if (this.startsBlock(token, next)) this.mode = 'block';
    } else if (this.mode === 'create' && afterAs && this.startsBlock(token, next)) {
      this.mode = 'block';
    } else if (this.mode === 'block') {
      this.inBlock(token, next, afterEnd);
    }
  }

  /** True when a `;` at this point ends the statement. */
  endsAtSemicolon(): boolean {
    return this.mode !== 'block' || (this.opened && this.depth <= 0);
  }

  /** Ready for the next statement. */
  reset(): void {
    this.mode = 'plain';
    this.count = 0;
    this.depth = 0;
    this.opened = false;
    this.atStart = true;
    this.previous = undefined;
  }

  /** DECLARE, or a BEGIN that is not `BEGIN TRANSACTION`, starts the block. */
  private startsBlock(token: Token, next: Token | undefined): boolean {
    if (isWord(token, 'DECLARE')) return true;
    if (!isWord(token, 'BEGIN') || isTransactionBegin(next)) return false;
    this.open();
    return true;
  }

  private inBlock(token: Token, next: Token | undefined, afterEnd: boolean): void {
    const wasStart = this.atStart;
    const word = token.kind === 'identifier' ? token.text.toUpperCase() : '';
    // `END IF`, `END LOOP`, `END CASE`: the word after END closes, and a label may follow it.
    this.atStart = isSymbol(token, ';') || (!afterEnd && BEFORE_STATEMENT.has(word));
    if (word === '' || afterEnd) return;
    if (word === 'END') {
      this.depth -= 1;
    } else if (word === 'CASE') {
      this.depth += 1;
    } else if (wasStart && word === 'BEGIN' && !isTransactionBegin(next)) {
      this.open();
      this.atStart = true;
    } else if (wasStart && OPENED_AT_START.has(word) && !(word === 'REPEAT' && isSymbol(next, '('))) {
      this.depth += 1;
      // The first statement of REPEAT and LOOP follows at once.
      this.atStart = word === 'REPEAT' || word === 'LOOP';
    }
  }

  private open(): void {
    this.depth += 1;
    this.opened = true;
  }
}
