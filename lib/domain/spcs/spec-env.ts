/**
 * What a spec's `env` cannot hold: names the operating system cannot store, and, where the
 * containers run as processes of this host (the local warehouse), variables that make a runtime
 * load code from outside the image. Pure: the spec schema words its env errors with these.
 */

/**
 * Why an environment variable's name cannot be passed to a process, if it cannot: the
 * environment is a list of `NAME=value` strings ended by NUL, so a name that is empty, holds `=`
 * or NUL cannot be stored; the runtime of the container reads such an entry wrongly or aborts.
 */
export function envNameProblem(name: string): string | null {
  if (name.trim() === '') return 'An environment variable needs a name; this one is empty or only spaces.';
  if (name.includes('=')) return "An environment variable name cannot contain '=': the environment stores NAME=value, so the name would end at the '='.";
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'An environment variable name cannot contain control characters such as NUL or a line break.';
  if (name !== name.trim()) return 'An environment variable name cannot start or end with spaces.';
  return null;
}

/**
 * Variables that make a runtime load code the program did not ask for (a preloaded library, a
 * module required before the program, a startup file): the runtime each one steers, by name and
 * by prefix. A spec's `env` could otherwise turn any image into one that runs arbitrary code.
 */
const CODE_LOADING_VARIABLES: Record<string, string> = {
  NODE_OPTIONS: 'Node.js',
  NODE_PATH: 'Node.js',
  PYTHONPATH: 'Python',
  PYTHONSTARTUP: 'Python',
  PYTHONHOME: 'Python',
  PYTHONUSERBASE: 'Python',
  PERL5OPT: 'Perl',
  PERL5LIB: 'Perl',
  PERLLIB: 'Perl',
  RUBYOPT: 'Ruby',
  RUBYLIB: 'Ruby',
  BASH_ENV: 'the shell',
  ENV: 'the shell',
  JAVA_TOOL_OPTIONS: 'Java',
  _JAVA_OPTIONS: 'Java',
  JDK_JAVA_OPTIONS: 'Java',
  CLASSPATH: 'Java',
  GCONV_PATH: 'the C library',
};
const CODE_LOADING_PREFIXES: [string, string][] = [
  ['LD_', 'the dynamic linker'],
  ['DYLD_', "macOS's dynamic linker"],
  ['BASH_FUNC_', 'the shell'],
];

/** The runtime whose code loading `name` steers, if it steers one. */
export function codeLoadingRuntime(name: string): string | null {
  if (Object.hasOwn(CODE_LOADING_VARIABLES, name)) return CODE_LOADING_VARIABLES[name];
  return CODE_LOADING_PREFIXES.find(([prefix]) => name.startsWith(prefix))?.[1] ?? null;
}

/** Why a spec cannot set `name`, naming its container when the container's name is known. */
export function codeLoadingMessage(name: string, runtime: string, containerName: string | null): string {
  const container = containerName ? `container '${containerName}'` : 'the container';
  return (
    `${name} changes how ${runtime} loads code, so a spec cannot set it: it would make the programs of ${container} ` +
    'run code from outside their image, and the local warehouse runs containers as processes of its own host. ' +
    "Set it in the image, or pass the options in the container's command."
  );
}
