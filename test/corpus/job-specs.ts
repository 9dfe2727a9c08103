/**
 * Job service specifications that are invalid or hostile: deep nesting, alias bombs, huge
 * strings, wrong types, duplicate keys, tabs, binary. Each is refused naming the YAML path and
 * line (or the limit it passes), by the Launch form's server path (dashboard.test.ts) and by
 * EXECUTE JOB SERVICE … FROM SPECIFICATION on the local warehouse (warehouse.test.ts), whose
 * message is "Invalid spec: <the same>".
 */
import { MB, type BadInput } from './bad-input';

const CONTAINER = 'spec:\n  containers:\n  - name: main\n    image: /db/schema/repo/flurry_test:latest\n';

const spec = (name: string, input: string, expect: RegExp): BadInput<string> => ({ name, input, expect });

/** Each anchor's list holds the one before it nine times: 9^9 strings once expanded. */
const aliasBomb = [
  'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  ...'bcdefghi'.split('').map((anchor, i) => `${anchor}: &${anchor} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
  CONTAINER,
].join('\n');

export const badSpecs: BadInput<string>[] = [
  spec('10,000 nested flow sequences', `spec: ${'['.repeat(10_000)}${']'.repeat(10_000)}`, /spec(\[0\]){32} \(line 1\): The YAML is nested more than 32 levels deep\./),
  spec('10,000 nested block sequences on one line', `${'- '.repeat(10_000)}x`, /(^|: )(\[0\]){33} \(line 1\): The YAML is nested more than 32 levels deep\./),
  spec('10,000 nested flow mappings', `spec: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}`, /spec(\.a){32} \(line 1\): The YAML is nested more than 32 levels deep\./),
  spec('40 nested block mappings', Array.from({ length: 40 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'), /(^|: )a(\.a){32} \(line 33\): The YAML is nested more than 32 levels deep\./),
  spec('billion laughs (9^9 aliases)', aliasBomb, /The YAML cannot be read: it expands its aliases more than 100 times/),
  spec('alias to an anchor never set', `${CONTAINER}    env: *nowhere\n`, /The YAML cannot be read: .*nowhere/),
  spec('10 MB string', `${CONTAINER}    args: ["${'x'.repeat(10 * MB)}"]\n`, /A specification is at most 100,000 characters\.|The specification is 10485\d\d\d bytes; the limit is 262144 bytes \(256 KiB\)/),
  spec('containers is a number', 'spec:\n  containers: 5\n', /spec\.containers \(line 2\): 'containers' must be a list with at least one container\./),
  spec('a container is a string', 'spec:\n  containers:\n  - main\n', /spec\.containers\[0\] \(line 3\): '\w*\[?0?\]?' must be a mapping .*got "main"/),
  spec('image is a number', 'spec:\n  containers:\n  - name: main\n    image: 42\n', /spec\.containers\[0\]\.image \(line 4\): The image must be a name/),
  spec('args is a mapping', `${CONTAINER}    args: {a: 1}\n`, /spec\.containers\[0\]\.args \(line 5\): Must be a list of strings\./),
  spec('env value is a list', `${CONTAINER}    env:\n      A: [1, 2]\n`, /spec\.containers\[0\]\.env\.A \(line 6\): An environment variable must be a single value/),
  spec('memory without a unit', `${CONTAINER}    resources:\n      requests:\n        memory: lots\n`, /resources\.requests\.memory \(line 7\): memory needs an amount and a unit .*got "lots"/),
  spec('negative cpu', `${CONTAINER}    resources:\n      requests:\n        cpu: -1\n`, /resources\.requests\.cpu \(line 7\): cpu must be a positive number .*got -1/),
  spec('container name with capitals and _', 'spec:\n  containers:\n  - name: Main_1\n    image: /db/schema/repo/flurry_test:latest\n', /spec\.containers\[0\]\.name \(line 3\): Container name 'Main_1' must start with a lowercase letter/),
  spec('unknown field', `${CONTAINER}    restartPolicy: Always\n`, /spec\.containers\[0\]\.restartPolicy \(line 5\): Unknown field 'restartPolicy'; expected one of name, image/),
  spec('duplicate keys', `${CONTAINER}    image: /db/schema/repo/other:latest\n`, /line 5: The YAML cannot be read: Map keys must be unique/),
  spec('tabs for indentation', 'spec:\n\tcontainers:\n\t- name: main\n', /line 2: The YAML cannot be read: Tabs are not allowed as indentation/),
  spec('binary bytes', '\u0001\u0002\u00ff\ufffe\u0007 garbage', /The specification must be a YAML mapping with a top-level 'spec' key\./),
  spec('two documents', `${CONTAINER}---\n${CONTAINER}`, /line 5: The YAML cannot be read: Source contains multiple documents/),
  spec('no spec key', 'containers:\n- name: main\n', /containers \(line 1\): Unknown field 'containers'; expected one of spec, capabilities, serviceRoles\./),
  spec('__proto__ and constructor keys', `__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}\n${CONTAINER}`, /__proto__ \(line 1\): Unknown field '__proto__'.*constructor \(line 2\): Unknown field 'constructor'/s),
];
