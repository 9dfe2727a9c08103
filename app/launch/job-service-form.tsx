'use client';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { z } from '@/lib/domain/validation/zod';
import { Button } from '@/components/button';
import { FormError } from '@/components/form-error';
import { CopyButton } from '@/components/copy-button';
import { launchJobService } from '@/lib/actions/launch-job-service';
import {
  containerProblems,
  EMPTY_CONTAINER,
  fieldsFromSpec,
  jobServiceLaunchSchema,
  MAX_REPLICAS,
  specYaml,
  type ContainerFields,
} from '@/lib/domain/job-service-form';
import type { JobDetail } from '@/lib/domain/job';
import { MAX_LABEL_LENGTH } from '@/lib/domain/launch-input';
import { buildExecuteJobService, parseExecuteJobService } from '@/lib/domain/spcs/execute-job-service';
import { validateSpec } from '@/lib/domain/spcs/spec';
import { useLaunch } from '@/lib/hooks/use-launch';
import { computePoolsQuery, jobQueries } from '@/lib/queries';

const INPUT = 'block h-8 w-full rounded-md border bg-white px-2.5 dark:bg-zinc-900 disabled:opacity-60';
const AREA = 'block w-full resize-y rounded-md border bg-white px-2.5 py-1.5 font-mono text-[13px] leading-5 dark:bg-zinc-900 disabled:opacity-60';
const FORM_FIELDS = ['computePool', 'name', 'replicas', 'spec', 'label'];

function border(invalid: boolean): string {
  return invalid ? 'border-red-500' : 'border-zinc-300 dark:border-zinc-700';
}

function Problem({ id, children }: { id: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} role="alert" className="mt-1 text-xs font-medium whitespace-pre-line text-red-700 dark:text-red-400">
      {children}
    </p>
  );
}

/** A labelled input of the form, with its problem under it. */
function Field({ id, label, hint, problem, children }: { id: string; label: string; hint?: string; problem?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label} {hint ? <span className="font-normal text-zinc-500">{hint}</span> : null}
      </label>
      {children}
      <Problem id={`${id}-problem`}>{problem}</Problem>
    </div>
  );
}

interface Prefill {
  computePool: string;
  async: boolean;
  replicas: string;
  spec: string | null;
}

/** What "Launch again" keeps of a job: its statement's properties and spec, not its name (names are unique). */
function prefillOf(job: JobDetail): Prefill | null {
  if (!job.service) return null;
  try {
    const statement = parseExecuteJobService(job.sql);
    return { computePool: statement.computePool, async: statement.async, replicas: String(statement.replicas), spec: job.service.spec };
  } catch {
    return { computePool: job.service.computePool, async: true, replicas: String(job.service.replicas), spec: job.service.spec };
  }
}

/** The exact statement the launch will run, or why there is none yet. */
function statementOf(launch: z.output<typeof jobServiceLaunchSchema> | null): { sql: string | null; error: string | null } | null {
  if (!launch) return null;
  try {
    return { sql: buildExecuteJobService(launch), error: null };
  } catch (error) {
    return { sql: null, error: error instanceof Error ? error.message : String(error) };
  }
}

export function JobServiceForm({ fromJobId }: { fromJobId: string | null }) {
  const ids = useId();
  const pools = useQuery(computePoolsQuery);
  const from = useQuery({ ...jobQueries.detail(fromJobId ?? ''), enabled: fromJobId !== null });

  const [computePool, setComputePool] = useState('');
  const [name, setName] = useState('');
  const [replicas, setReplicas] = useState('1');
  const [runAsync, setRunAsync] = useState(true);
  const [label, setLabel] = useState('');
  const [fields, setFields] = useState<ContainerFields>(EMPTY_CONTAINER);
  /** YAML the user typed; null while the YAML is the one the fields make. */
  const [yamlOverride, setYamlOverride] = useState<string | null>(null);
  const [attempted, setAttempted] = useState(false);
  const { launch, pending, fieldErrors, setFieldErrors, formError, setFormError } = useLaunch(FORM_FIELDS);
  const [prefilledFrom, setPrefilledFrom] = useState<string | null>(null);
  const [poolDefaulted, setPoolDefaulted] = useState(false);

  // Fill the form once from the job "Launch again" came from, or start on the first pool listed.
  if (from.data && prefilledFrom !== from.data.id) {
    setPrefilledFrom(from.data.id);
    const prefill = prefillOf(from.data);
    if (prefill) {
      setComputePool(prefill.computePool);
      setRunAsync(prefill.async);
      setReplicas(prefill.replicas);
      if (prefill.spec) setYamlOverride(prefill.spec);
    }
  }
  if (!poolDefaulted && pools.data && fromJobId === null) {
    setPoolDefaulted(true);
    if (computePool === '' && pools.data.length > 0) setComputePool(pools.data[0].name);
  }

  const overrideFields = useMemo(() => (yamlOverride === null ? null : fieldsFromSpec(yamlOverride)), [yamlOverride]);
  const locked = yamlOverride !== null && overrideFields === null;
  const shownFields = overrideFields ?? fields;
  const yaml = yamlOverride ?? specYaml(fields);
  const deferredYaml = useDeferredValue(yaml);
  const specCheck = useMemo(() => validateSpec(deferredYaml), [deferredYaml]);
  const problems = locked ? {} : containerProblems(shownFields);

  const input = { computePool, name, replicas, async: runAsync, spec: yaml, label };
  const parsed = jobServiceLaunchSchema.safeParse(input);
  const statement = statementOf(parsed.success ? parsed.data : null);

  const setField = (key: keyof ContainerFields, value: string) => {
    setFields({ ...shownFields, [key]: value });
    setYamlOverride(null);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    setAttempted(true);
    setFormError(null);
    if (!parsed.success) {
      setFieldErrors(z.flattenError(parsed.error).fieldErrors);
      return;
    }
    setFieldErrors({});
    if (Object.keys(problems).length > 0 || !validateSpec(yaml).ok) return;
    // Straight to the job's page, where its containers and log can be watched.
    launch(
      () => launchJobService(input),
      ({ jobIds }) => `/jobs/${encodeURIComponent(jobIds[0])}`,
    );
  };

  const show = (field: keyof ContainerFields) => (attempted || shownFields[field] !== '' ? problems[field] : undefined);
  const serverError = (field: string) => fieldErrors[field]?.join(' ');
  const specErrors = specCheck.ok ? [] : specCheck.errors;

  return (
    <form onSubmit={submit} noValidate aria-label="Job service" className="grid gap-5 lg:grid-cols-[1fr_1fr]">
      <div className="space-y-4">
        <div className="grid grid-cols-2 gap-3">
          <Field id={`${ids}-pool`} label="Compute pool" problem={serverError('computePool')}>
            <input
              id={`${ids}-pool`}
              list={`${ids}-pools`}
              value={computePool}
              onChange={(event) => setComputePool(event.target.value)}
              placeholder={pools.isPending ? 'Loading pools…' : 'e.g. CPU_S'}
              aria-invalid={fieldErrors.computePool ? true : undefined}
              className={`${INPUT} ${border(Boolean(fieldErrors.computePool))}`}
            />
            <datalist id={`${ids}-pools`}>
              {(pools.data ?? []).map((pool) => (
                <option key={pool.name} value={pool.name}>
                  {pool.state}
                  {pool.instanceFamily ? ` · ${pool.instanceFamily}` : ''}
                </option>
              ))}
            </datalist>
            {pools.isError ? (
              <p className="mt-1 text-xs text-amber-700 dark:text-amber-400">Could not list the compute pools: {pools.error.message}</p>
            ) : pools.data?.length === 0 ? (
              <p className="mt-1 text-xs text-amber-700 dark:text-amber-400">The warehouse has no compute pool yet (CREATE COMPUTE POOL).</p>
            ) : null}
          </Field>
          <Field id={`${ids}-name`} label="Job name" hint="(optional)" problem={serverError('name')}>
            <input
              id={`${ids}-name`}
              value={name}
              onChange={(event) => setName(event.target.value)}
              placeholder="Snowflake picks JOB_…"
              aria-invalid={fieldErrors.name ? true : undefined}
              className={`${INPUT} ${border(Boolean(fieldErrors.name))}`}
            />
            {prefilledFrom ? <p className="mt-1 text-xs text-zinc-500">A job name is used once; give this run a new one or leave it empty.</p> : null}
          </Field>
        </div>

        {locked ? (
          <p data-testid="fields-locked" className="rounded-md bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200">
            The YAML says more than the container fields can (or does not parse), so they are locked and the YAML alone is what
            runs.{' '}
            <button type="button" className="underline" onClick={() => setYamlOverride(null)}>
              Discard the YAML edits
            </button>
          </p>
        ) : null}
        <fieldset disabled={locked} className="space-y-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
          <legend className="px-1 font-medium">Container</legend>
          <Field id={`${ids}-image`} label="Image" problem={show('image')}>
            <input
              id={`${ids}-image`}
              value={shownFields.image}
              onChange={(event) => setField('image', event.target.value)}
              placeholder="/db/schema/repo/flurry_test:latest"
              className={`${INPUT} ${border(Boolean(show('image')))}`}
            />
          </Field>
          <div className="grid grid-cols-2 gap-3">
            <Field id={`${ids}-args`} label="Arguments" hint="(one per line)">
              <textarea
                id={`${ids}-args`}
                rows={4}
                value={shownFields.args}
                onChange={(event) => setField('args', event.target.value)}
                placeholder={'--sleep\n2'}
                className={`${AREA} ${border(false)}`}
              />
            </Field>
            <Field id={`${ids}-env`} label="Environment" hint="(KEY=value per line)" problem={show('env')}>
              <textarea
                id={`${ids}-env`}
                rows={4}
                value={shownFields.env}
                onChange={(event) => setField('env', event.target.value)}
                placeholder="SNOWFLAKE_WAREHOUSE=COMPUTE_WH"
                className={`${AREA} ${border(Boolean(show('env')))}`}
              />
            </Field>
          </div>
          <div className="grid grid-cols-2 gap-3">
            <Field id={`${ids}-cpu`} label="CPU" hint="(cores)" problem={show('cpu')}>
              <input
                id={`${ids}-cpu`}
                value={shownFields.cpu}
                onChange={(event) => setField('cpu', event.target.value)}
                placeholder="0.5"
                className={`${INPUT} ${border(Boolean(show('cpu')))}`}
              />
            </Field>
            <Field id={`${ids}-memory`} label="Memory" problem={show('memory')}>
              <input
                id={`${ids}-memory`}
                value={shownFields.memory}
                onChange={(event) => setField('memory', event.target.value)}
                placeholder="512Mi"
                className={`${INPUT} ${border(Boolean(show('memory')))}`}
              />
            </Field>
          </div>
        </fieldset>

        <div className="grid grid-cols-3 items-end gap-3">
          <Field id={`${ids}-replicas`} label="Replicas" problem={serverError('replicas')}>
            <input
              id={`${ids}-replicas`}
              type="number"
              min={1}
              max={MAX_REPLICAS}
              value={replicas}
              onChange={(event) => setReplicas(event.target.value)}
              className={`${INPUT} ${border(Boolean(fieldErrors.replicas))}`}
            />
          </Field>
          <label className="col-span-2 flex h-8 items-center gap-2">
            <input type="checkbox" checked={runAsync} onChange={(event) => setRunAsync(event.target.checked)} className="accent-sky-600" />
            <span>
              Async <span className="text-xs text-zinc-500">(the statement returns at once; Flurry follows the job either way)</span>
            </span>
          </label>
        </div>
        <Field id={`${ids}-label`} label="Label" hint="(optional)" problem={serverError('label')}>
          <input
            id={`${ids}-label`}
            value={label}
            maxLength={MAX_LABEL_LENGTH}
            onChange={(event) => setLabel(event.target.value)}
            placeholder="e.g. nightly summaries"
            className={`${INPUT} ${border(false)}`}
          />
        </Field>

        <div>
          <Button type="submit" variant="primary" disabled={pending} className="w-full">
            {pending ? 'Launching…' : 'Launch job service'}
          </Button>
          <FormError message={formError} />
        </div>
      </div>

      <div className="min-w-0 space-y-4">
        <div>
          <div className="mb-1 flex items-baseline justify-between gap-3">
            <label htmlFor={`${ids}-yaml`} className="font-medium">
              Specification (YAML)
            </label>
            <span className="text-xs text-zinc-500">{yamlOverride === null ? 'made from the fields; edit it freely' : 'edited by hand'}</span>
          </div>
          <textarea
            id={`${ids}-yaml`}
            rows={14}
            value={yaml}
            onChange={(event) => setYamlOverride(event.target.value)}
            spellCheck={false}
            aria-invalid={specErrors.length > 0 ? true : undefined}
            aria-describedby={specErrors.length > 0 ? `${ids}-spec-errors` : undefined}
            className={`${AREA} ${border(specErrors.length > 0 || Boolean(fieldErrors.spec))}`}
          />
          {specErrors.length > 0 ? (
            <ul id={`${ids}-spec-errors`} aria-label="Specification errors" className="mt-1 space-y-0.5 text-xs text-red-700 dark:text-red-400">
              {specErrors.map((error, index) => (
                <li key={`${error.path}-${index}`}>
                  <span className="font-mono">{error.path || 'spec'}</span>
                  {error.line !== null ? <span className="text-zinc-500"> (line {error.line})</span> : null}: {error.message}
                </li>
              ))}
            </ul>
          ) : null}
          <Problem id={`${ids}-spec-problem`}>{specErrors.length === 0 ? serverError('spec') : undefined}</Problem>
        </div>

        <div>
          <div className="mb-1 flex items-baseline justify-between gap-3">
            <span className="font-medium" id={`${ids}-sql-title`}>
              SQL that will run
            </span>
            {statement?.sql ? <CopyButton text={statement.sql} label="Copy the statement" /> : null}
          </div>
          <pre
            aria-labelledby={`${ids}-sql-title`}
            data-testid="job-service-sql"
            className="max-h-72 overflow-auto rounded-md bg-zinc-50 p-3 font-mono text-xs leading-5 whitespace-pre-wrap dark:bg-zinc-950"
          >
            {statement?.sql ??
              statement?.error ??
              (parsed.success ? '' : `Fill in ${parsed.error.issues.map((issue) => String(issue.path[0])).join(', ')} to see the statement.`)}
          </pre>
        </div>
      </div>
    </form>
  );
}
