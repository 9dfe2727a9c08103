import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILT_IN_IMAGES_DIR, createImageStore, ImageError } from './image-store';

let root: string;
let builtInDir: string;
let userDir: string;

async function addImage(dir: string, name: string, manifest: unknown): Promise<void> {
  await mkdir(path.join(dir, name), { recursive: true });
  await writeFile(path.join(dir, name, 'image.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest));
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'flurry-images-'));
  builtInDir = path.join(root, 'built-in');
  userDir = path.join(root, 'user');
  await addImage(builtInDir, 'text_analysis', { entrypoint: ['node', 'main.js'] });
  await addImage(builtInDir, 'flurry-test', { entrypoint: ['node', 'test.js'], cmd: ['--sleep', '1'] });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('image store', () => {
  it('resolves a Snowflake repository path by its last segment, ignoring tag, digest, case and -/_', async () => {
    const store = createImageStore({ userDir, builtInDir });
    for (const name of [
      '/tutorial_db/data_schema/tutorial_repository/Text-Analysis:latest',
      'org-acct.registry.snowflakecomputing.com:443/db/schema/repo/text_analysis@sha256:abc',
      'TEXT_ANALYSIS',
    ]) {
      const image = await store.resolve(name);
      expect(image).toMatchObject({ name: 'text_analysis', source: 'built-in', entrypoint: ['node', 'main.js'], cmd: [] });
    }
    const test = await store.resolve('flurry_test:v3');
    expect(test).toMatchObject({ name: 'flurry-test', cmd: ['--sleep', '1'], dir: path.join(builtInDir, 'flurry-test') });
    expect(test.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('prefers a user image over a built-in one of the same name, and sees images added while running', async () => {
    const store = createImageStore({ userDir, builtInDir });
    expect((await store.resolve('text-analysis')).source).toBe('built-in');
    await addImage(userDir, 'Text-Analysis', { entrypoint: ['python3', 'main.py'] });
    expect(await store.resolve('text_analysis')).toMatchObject({ source: 'user', entrypoint: ['python3', 'main.py'] });
    expect((await store.list()).map((image) => `${image.name}:${image.source}`)).toEqual(['flurry-test:built-in', 'Text-Analysis:user']);
  });

  it('names the image and lists the ones available when an image is unknown', async () => {
    const store = createImageStore({ userDir, builtInDir });
    const error = await store.resolve('/db/s/repo/Missing-One:1.0').catch((e: Error) => e);
    expect(error).toBeInstanceOf(ImageError);
    expect((error as Error).message).toBe(
      `Image "/db/s/repo/Missing-One:1.0" (looked up as "missing_one") is not a local image. ` +
        `Available images: flurry_test, text_analysis. Add your own as a folder with an image.json in ${userDir}.`,
    );
  });

  it('explains a broken manifest by file and field', async () => {
    await addImage(userDir, 'broken', '{ "entrypoint": ');
    await addImage(userDir, 'empty', { entrypoint: [] });
    await addImage(userDir, 'bad-cmd', { entrypoint: ['node'], cmd: 'x' });
    const store = createImageStore({ userDir, builtInDir });
    await expect(store.resolve('broken')).rejects.toThrow(`${path.join(userDir, 'broken', 'image.json')} is not valid JSON`);
    await expect(store.resolve('empty')).rejects.toThrow(
      `${path.join(userDir, 'empty', 'image.json')}: "entrypoint" must be a non-empty array of non-empty strings; got [].`,
    );
    await expect(store.resolve('bad_cmd')).rejects.toThrow('"cmd" must be an array of non-empty strings; got "x".');
  });

  it('ships the flurry_test image among the built-ins', async () => {
    const store = createImageStore({ userDir, builtInDir: BUILT_IN_IMAGES_DIR });
    expect(await store.resolve('flurry_test')).toMatchObject({ entrypoint: ['node', '--import', 'tsx', 'main.ts'] });
  });
});
