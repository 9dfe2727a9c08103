/**
 * The form as the server renders it (no DOM here): every field is found by its label alone, as
 * Playwright's getByLabel finds it (case-insensitive, by substring), and an edited task's
 * schedule preview, warning box and statements are there on first paint.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { taskDefinition } from '@/lib/domain/tasks/task-definition.fixture';
import { TaskForm, type TaskFormProps } from './task-form';

const now = Date.parse('2026-06-01T12:00:00Z');
const tasks = [
  taskDefinition('ROOT', { schedule: 'USING CRON 0 1,2 * * * America/Los_Angeles', state: 'started' }),
  taskDefinition('CHILD', { predecessors: ['DB.S.ROOT'] }),
];

function render(props: Partial<TaskFormProps>): string {
  return renderToStaticMarkup(
    createElement(TaskForm, {
      mode: 'create',
      tasks,
      warehouses: ['WH', 'BIG WH'],
      defaultDatabase: 'DB',
      defaultSchema: 'S',
      now,
      submit: async () => ({ ok: true as const }),
      ...props,
    }),
  );
}

/** Every accessible label of the markup: <label> texts and aria-label values. */
function labelsOf(html: string): { text: string; for: string | null }[] {
  const labels = [...html.matchAll(/<label([^>]*)>(.*?)<\/label>/gs)].map((m) => ({
    text: m[2].replace(/<[^>]+>/g, ''),
    for: /for="([^"]*)"/.exec(m[1])?.[1] ?? null,
  }));
  const aria = [...html.matchAll(/aria-label="([^"]*)"/g)].map((m) => ({ text: m[1], for: null }));
  return [...labels, ...aria];
}

describe('TaskForm', () => {
  it('labels each field Playwright fills so that exactly one label matches it, in both modes', () => {
    for (const html of [render({}), render({ mode: 'edit', initial: tasks[0] })]) {
      const labels = labelsOf(html);
      for (const name of ['Name', 'Warehouse', 'Schedule', 'Predecessors', 'SQL', 'When']) {
        const matching = labels.filter((label) => label.text.toLowerCase().includes(name.toLowerCase()));
        expect(matching, name).toHaveLength(1);
        expect(matching[0].text).toBe(name);
        expect(html).toContain(`id="${matching[0].for}"`);
      }
    }
  });

  it('opens an edited task with its schedule preview, both daylight-saving warnings and no statements yet', () => {
    const html = render({ mode: 'edit', initial: tasks[0] });
    expect(html).toContain('daily at 01:00 and 02:00, America/Los_Angeles');
    expect(html).toContain('on 2026-11-01 it runs twice at 01:00');
    expect(html).toContain('on 2027-03-14 this does not run at 02:00');
    expect(html).toContain('Tue 2026-06-02 01:00 PDT');
    expect(html).toContain('Nothing has changed yet.');
    expect(html).toMatch(/<button type="submit"[^>]*disabled=""/);
  });

  it('fills an edited task\'s odd name, read-only, and its warehouse', () => {
    const html = render({ mode: 'edit', initial: taskDefinition('"my task"', { warehouse: 'BIG WH', definition: 'SELECT 1' }) });
    expect(html).toMatch(/<input id="[^"]*-name"[^>]*readOnly=""[^>]*value="&quot;my task&quot;"/);
    expect(html).toContain('<option value="warehouse:BIG WH" selected="">BIG WH</option>');
  });
});
