import { describe, expect, it } from 'vitest';
import { containerArgv } from './container-command';

const image = { entrypoint: ['node', 'main.ts'], cmd: ['--sleep', '1'] };

describe('containerArgv (Kubernetes command/args rules)', () => {
  it('runs the entrypoint with its default arguments when the spec names neither', () => {
    expect(containerArgv(image, {})).toEqual(['node', 'main.ts', '--sleep', '1']);
  });

  it('replaces the default arguments with args', () => {
    expect(containerArgv(image, { args: ['--exit', '3'] })).toEqual(['node', 'main.ts', '--exit', '3']);
  });

  it('replaces the entrypoint and drops the default arguments with command', () => {
    expect(containerArgv(image, { command: ['sh', '-c', 'exit 0'] })).toEqual(['sh', '-c', 'exit 0']);
    expect(containerArgv(image, { command: ['sh', '-c'], args: ['exit 1'] })).toEqual(['sh', '-c', 'exit 1']);
  });
});
