/**
 * Renders a specification template (`FROM SPECIFICATION_TEMPLATE $$…$$ USING (…)`) the way
 * Snowflake does: `{{ var }}` and `{{ var | default('x', true) }}` are replaced by the USING
 * values (https://docs.snowflake.com/en/developer-guide/snowpark-container-services/working-with-services).
 * Values are spliced in as text, so a JSON value such as
 * `$$["--a","b"]$$` becomes a YAML flow sequence. Pure: runs in the browser too.
 */

/** USING values by variable name, as written in the statement. */
export type TemplateValues = Record<string, string>;

export interface TemplateError {
  line: number;
  column: number;
  message: string;
}

export type TemplateResult = { ok: true; text: string } | { ok: false; errors: TemplateError[] };

const EXPRESSION =
  /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\|\s*default\s*\(\s*(?:'([^']*)'|"([^"]*)"|(-?[0-9]+(?:\.[0-9]+)?))\s*(?:,\s*(true|false|True|False)\s*)?\)\s*)?$/;

export function renderSpecTemplate(template: string, values: TemplateValues): TemplateResult {
  const errors: TemplateError[] = [];
  let text = '';
  let pos = 0;
  for (let open = template.indexOf('{{'); open !== -1; open = template.indexOf('{{', pos)) {
    text += template.slice(pos, open);
    const at = lineColumn(template, open);
    const close = template.indexOf('}}', open + 2);
    if (close === -1) {
      errors.push({ ...at, message: `The "{{" at line ${at.line}, column ${at.column} is not closed with "}}".` });
      return { ok: false, errors };
    }
    const expression = template.slice(open + 2, close);
    pos = close + 2;
    const match = EXPRESSION.exec(expression);
    if (!match) {
      errors.push({
        ...at,
        message: `Template expression "{{${expression}}}" at line ${at.line}, column ${at.column} is not understood; write {{ name }} or {{ name | default('value', true) }}.`,
      });
      continue;
    }
    const [, name, single, double, number, boolean] = match;
    const fallback = single ?? double ?? number;
    const value = lookup(values, name);
    const useDefault = fallback !== undefined && (value === undefined || (value === '' && /^true$/i.test(boolean ?? '')));
    if (useDefault) text += fallback;
    else if (value !== undefined) text += asYaml(value);
    else {
      errors.push({
        ...at,
        message: `Template variable "${name}" at line ${at.line}, column ${at.column} has no value in USING (…) and no default.`,
      });
    }
  }
  text += template.slice(pos);
  return errors.length ? { ok: false, errors } : { ok: true, text };
}

/** Exact name first; USING keys are SQL identifiers, so a match ignoring case also counts. */
function lookup(values: TemplateValues, name: string): string | undefined {
  if (Object.hasOwn(values, name)) return values[name];
  const key = Object.keys(values).find((candidate) => candidate.toUpperCase() === name.toUpperCase());
  return key === undefined ? undefined : values[key];
}

/** A JSON array or object is re-emitted on one line so it stays valid inside block YAML. */
function asYaml(value: string): string {
  const trimmed = value.trim();
  if (!trimmed.startsWith('[') && !trimmed.startsWith('{')) return value;
  try {
    return JSON.stringify(JSON.parse(trimmed));
  } catch {
    return value;
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
