/**
 * How a spec's image name finds a local image: by its last path segment without tag or digest,
 * ignoring case and treating `-` and `_` alike, so a spec written for Snowflake
 * (`/db/schema/repo/Text-Analysis:latest`) runs unchanged on the local warehouse.
 * Pure: the dashboard's form uses it too.
 */
export function localImageKey(image: string): string {
  const segment = image.trim().split('/').at(-1) ?? '';
  const withoutDigest = segment.split('@')[0];
  const withoutTag = withoutDigest.split(':')[0];
  return withoutTag.toLowerCase().replaceAll('-', '_');
}
