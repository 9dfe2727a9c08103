import { describe, expect, it } from 'vitest';
import { renderSpecTemplate } from './spec-template';
import { validateSpec } from './spec';

describe('renderSpecTemplate', () => {
  it('fills variables, turning a JSON value into a YAML flow sequence that validates', () => {
    const template = 'spec:\n  containers:\n  - name: main\n    image: {{ image }}\n    args: {{ARGS}}\n';
    const result = renderSpecTemplate(template, { image: '/db/s/repo/text_analysis:latest', ARGS: '[\n "--a",\n "b"\n]' });
    expect(result).toEqual({
      ok: true,
      text: 'spec:\n  containers:\n  - name: main\n    image: /db/s/repo/text_analysis:latest\n    args: ["--a","b"]\n',
    });
    const validated = result.ok ? validateSpec(result.text) : null;
    expect(validated?.ok && validated.spec.containers[0].args).toEqual(['--a', 'b']);
  });

  it('matches a USING key written in another case, as SQL identifiers are', () => {
    expect(renderSpecTemplate('tag: {{ tag_name }}', { TAG_NAME: 'latest' })).toEqual({ ok: true, text: 'tag: latest' });
  });

  it.each([
    ["{{ tag | default('latest') }}", {}, 'latest'],
    ["{{ tag | default('latest') }}", { tag: 'v2' }, 'v2'],
    ["{{ tag | default('latest') }}", { tag: '' }, ''],
    ["{{ tag | default('latest', true) }}", { tag: '' }, 'latest'],
    ['{{ tag | default("latest", True) }}', { tag: '' }, 'latest'],
    ['{{ n|default(3) }}', {}, '3'],
  ])('applies default filters: %s with %o', (template, values, text) => {
    expect(renderSpecTemplate(template, values)).toEqual({ ok: true, text });
  });

  it('leaves a value that only looks like JSON as written', () => {
    expect(renderSpecTemplate('x: {{ v }}', { v: '[not json' })).toEqual({ ok: true, text: 'x: [not json' });
  });

  it('names every unknown variable and its position', () => {
    expect(renderSpecTemplate('a: {{ one }}\nb: x{{ two }}', {})).toEqual({
      ok: false,
      errors: [
        { line: 1, column: 4, message: 'Template variable "one" at line 1, column 4 has no value in USING (…) and no default.' },
        { line: 2, column: 5, message: 'Template variable "two" at line 2, column 5 has no value in USING (…) and no default.' },
      ],
    });
  });

  it('refuses expressions it does not understand and unclosed braces', () => {
    expect(renderSpecTemplate('a: {{ x | upper }}', { x: '1' })).toEqual({
      ok: false,
      errors: [
        {
          line: 1,
          column: 4,
          message: `Template expression "{{ x | upper }}" at line 1, column 4 is not understood; write {{ name }} or {{ name | default('value', true) }}.`,
        },
      ],
    });
    expect(renderSpecTemplate('a: 1\nb: {{ x', { x: '1' })).toEqual({
      ok: false,
      errors: [{ line: 2, column: 4, message: 'The "{{" at line 2, column 4 is not closed with "}}".' }],
    });
  });
});
