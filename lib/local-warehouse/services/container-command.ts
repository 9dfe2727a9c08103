/**
 * What a container runs, as Kubernetes and SPCS decide it from the image and the spec
 * (https://docs.snowflake.com/en/developer-guide/snowpark-container-services/specification-reference): `command` replaces the image's entrypoint (and
 * drops its default arguments), `args` replaces the default arguments.
 */
import type { LocalImage } from './image-store';

export interface ContainerCommand {
  command?: string[];
  args?: string[];
}

export function containerArgv(image: Pick<LocalImage, 'entrypoint' | 'cmd'>, container: ContainerCommand): string[] {
  const args = container.args?.length ? container.args : null;
  if (container.command?.length) return [...container.command, ...(args ?? [])];
  return [...image.entrypoint, ...(args ?? image.cmd)];
}
