/**
 * Local container images. An image is a folder holding an `image.json` manifest:
 *
 *   { "entrypoint": ["node", "--import", "tsx", "main.ts"], "cmd": ["--sleep", "1"] }
 *
 * `entrypoint` plays Docker's ENTRYPOINT and the optional `cmd` its CMD (default arguments). The
 * container runs with the image folder as its working directory, so relative paths in the
 * command (`main.ts`, `./run.sh`) are the folder's files. Built-in images live in `images/<name>/`
 * at the repository root; users add their own under the configured images folder
 * (`FLURRY_IMAGES_DIR`, default `.flurry/images`), and a user image wins over a built-in one of
 * the same name. Folders are read on every lookup, so an image added while the warehouse runs
 * is found without a restart.
 *
 * A spec's image (`/db/schema/repo/text-analysis:latest`) is found by `localImageKey`, so a spec
 * written for Snowflake runs unchanged.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { localImageKey } from '../../domain/spcs/image-name';

export const MANIFEST_FILE = 'image.json';

export const BUILT_IN_IMAGES_DIR = fileURLToPath(new URL('../../../images', import.meta.url));

export interface LocalImage {
  /** The folder's name. */
  name: string;
  dir: string;
  entrypoint: string[];
  cmd: string[];
  source: 'user' | 'built-in';
  /** `sha256:` of the manifest, reported as SHOW SERVICE CONTAINERS' image_digest. */
  digest: string;
}

/** An image that cannot be found or whose manifest is unusable; the message says which and why. */
export class ImageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageError';
  }
}

export interface ImageStoreOptions {
  userDir: string;
  builtInDir?: string;
}

export interface ImageStore {
  /** The local image a spec's image name stands for, or an ImageError listing those available. */
  resolve(image: string): Promise<LocalImage>;
  /** Every image, user images shadowing built-ins of the same key, sorted by name. */
  list(): Promise<LocalImage[]>;
}

function stringArray(value: unknown, field: string, manifestPath: string, required: boolean): string[] {
  if (value === undefined && !required) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item === '') || (required && value.length === 0)) {
    throw new ImageError(
      `${manifestPath}: "${field}" must be ${required ? 'a non-empty' : 'an'} array of non-empty strings; got ${JSON.stringify(value)}.`,
    );
  }
  return value;
}

async function readImage(dir: string, source: LocalImage['source']): Promise<LocalImage> {
  const manifestPath = path.join(dir, MANIFEST_FILE);
  const text = await readFile(manifestPath, 'utf8');
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    throw new ImageError(`${manifestPath} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    throw new ImageError(`${manifestPath} must hold a JSON object with an "entrypoint" array.`);
  }
  const fields = manifest as Record<string, unknown>;
  return {
    name: path.basename(dir),
    dir,
    entrypoint: stringArray(fields.entrypoint, 'entrypoint', manifestPath, true),
    cmd: stringArray(fields.cmd, 'cmd', manifestPath, false),
    source,
    digest: `sha256:${createHash('sha256').update(text).digest('hex')}`,
  };
}

/** Image folders (those with a manifest) by key; a missing images folder simply has none. */
async function imageDirs(root: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  let entries;
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return found;
    throw error;
  }
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(root, entry.name);
    const hasManifest = await readdir(dir).then((files) => files.includes(MANIFEST_FILE));
    if (hasManifest) found.set(localImageKey(entry.name), dir);
  }
  return found;
}

export function createImageStore(options: ImageStoreOptions): ImageStore {
  const builtInDir = options.builtInDir ?? BUILT_IN_IMAGES_DIR;

  async function catalogue(): Promise<Map<string, { dir: string; source: LocalImage['source'] }>> {
    const [builtIn, user] = await Promise.all([imageDirs(builtInDir), imageDirs(options.userDir)]);
    const all = new Map<string, { dir: string; source: LocalImage['source'] }>();
    for (const [key, dir] of builtIn) all.set(key, { dir, source: 'built-in' });
    for (const [key, dir] of user) all.set(key, { dir, source: 'user' });
    return all;
  }

  return {
    async resolve(image) {
      const key = localImageKey(image);
      const images = await catalogue();
      const found = images.get(key);
      if (!found) {
        const available = [...images.keys()].sort().join(', ') || 'none';
        throw new ImageError(
          `Image "${image}" (looked up as "${key}") is not a local image. Available images: ${available}. ` +
            `Add your own as a folder with an ${MANIFEST_FILE} in ${options.userDir}.`,
        );
      }
      return readImage(found.dir, found.source);
    },
    async list() {
      const images = await catalogue();
      const all = await Promise.all([...images.values()].map(({ dir, source }) => readImage(dir, source)));
      return all.sort((a, b) => a.name.localeCompare(b.name));
    },
  };
}
