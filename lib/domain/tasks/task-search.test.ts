import { describe, expect, it } from 'vitest';
import { taskDefinition } from './task-definition.fixture';
import { searchTasks } from './task-search';

const tasks = ['ROOT', 'LOAD_DIM', 'D', 'ADD_FACTS', '"dim lower"'].map((name) => taskDefinition(name));
const names = (query: string) => searchTasks(tasks, query).map((task) => task.shortName);

describe('searchTasks', () => {
  it('ranks the name part first: exact, prefix, anywhere, then the qualified name', () => {
    expect(names('d')).toEqual(['D', 'dim lower', 'LOAD_DIM', 'ADD_FACTS', 'ROOT']);
    expect(names('DIM')).toEqual(['dim lower', 'LOAD_DIM']);
    expect(names('db.s.root')).toEqual(['ROOT']);
  });

  it('keeps every task in order for an empty query and none for a miss', () => {
    expect(names('  ')).toEqual(['ROOT', 'LOAD_DIM', 'D', 'ADD_FACTS', 'dim lower']);
    expect(names('zzz')).toEqual([]);
  });
});
