'use client';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { CopyButton } from '@/components/copy-button';
import { Section } from '@/components/section';
import { Timestamp } from '@/components/timestamp';
import type { JobDetail, ServiceContainer } from '@/lib/domain/job';
import { isTerminal } from '@/lib/domain/status';
import { jobQueries } from '@/lib/queries';

const MUTED = 'text-zinc-400 dark:text-zinc-600';
const HEAD_CELL = 'px-2 py-1.5 text-left text-xs font-medium whitespace-nowrap text-zinc-500';
const CELL = 'px-2 py-1.5 align-top whitespace-nowrap';
const LOG_LINE_CHOICES = [100, 500, 2_000] as const;

function dash(value: string | number | null) {
  return value === null || value === '' ? <span className={MUTED}>—</span> : value;
}

export function SpecSection({ job }: { job: JobDetail }) {
  const spec = job.service?.spec;
  return (
    <Section title="Specification" actions={spec ? <CopyButton text={spec} label="Copy specification" /> : null}>
      {spec ? (
        <pre data-testid="job-spec" className="max-h-80 overflow-auto rounded-md bg-zinc-50 p-3 font-mono text-xs leading-5 dark:bg-zinc-950">
          {spec}
        </pre>
      ) : (
        <p className="text-zinc-500">The statement names its specification on a stage; Flurry does not read stages.</p>
      )}
    </Section>
  );
}

function ContainersTable({ containers }: { containers: ServiceContainer[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-[13px]" aria-label="Containers">
        <thead>
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            <th scope="col" className={HEAD_CELL}>Instance</th>
            <th scope="col" className={HEAD_CELL}>Container</th>
            <th scope="col" className={HEAD_CELL}>Status</th>
            <th scope="col" className={`${HEAD_CELL} text-right`}>Restarts</th>
            <th scope="col" className={`${HEAD_CELL} text-right`}>Exit code</th>
            <th scope="col" className={HEAD_CELL}>Started</th>
            <th scope="col" className={HEAD_CELL}>Message</th>
          </tr>
        </thead>
        <tbody>
          {containers.map((container, index) => (
            <tr key={`${container.instanceId}/${container.containerName}/${index}`} data-testid="container-row" className="border-t border-zinc-100 dark:border-zinc-800/70">
              <td className={`${CELL} font-mono text-xs`}>{dash(container.instanceId)}</td>
              <td className={`${CELL} font-mono text-xs`} title={container.image ?? undefined}>
                {dash(container.containerName)}
              </td>
              <td className={`${CELL} font-mono text-xs`} data-testid="container-status">
                {dash(container.status)}
              </td>
              <td className={`${CELL} text-right tabular-nums`}>{dash(container.restartCount)}</td>
              <td className={`${CELL} text-right tabular-nums`} data-testid="container-exit-code">
                {dash(container.lastExitCode)}
              </td>
              <td className={CELL}>
                <Timestamp at={container.startedAt} />
              </td>
              <td className="px-2 py-1.5 align-top text-xs whitespace-pre-wrap">{dash(container.message)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ContainersSection({ job, containers, error }: { job: JobDetail; containers: ServiceContainer[] | undefined; error: Error | null }) {
  return (
    <Section title="Containers">
      {error && !containers ? (
        <p role="alert" className="text-red-700 dark:text-red-400">
          Could not load the containers: {error.message}
        </p>
      ) : !containers ? (
        <p className="text-zinc-500">Loading containers…</p>
      ) : containers.length === 0 ? (
        <p className="text-zinc-500">
          {isTerminal(job.phase) ? 'The warehouse lists no containers for this job.' : 'Containers appear here once the warehouse has scheduled the job.'}
        </p>
      ) : (
        <ContainersTable containers={containers} />
      )}
    </Section>
  );
}

/** The lines of a log, kept scrolled to the end while the user has not scrolled up to read. */
function LogView({ lines }: { lines: string[] }) {
  const ref = useRef<HTMLPreElement>(null);
  const pinned = useRef(true);
  useEffect(() => {
    const element = ref.current;
    if (element && pinned.current) element.scrollTop = element.scrollHeight;
  }, [lines]);
  return (
    <pre
      ref={ref}
      data-testid="log-lines"
      aria-label="Log"
      tabIndex={0}
      onScroll={(event) => {
        const element = event.currentTarget;
        pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 24;
      }}
      className="max-h-96 min-h-24 overflow-auto rounded-md bg-zinc-950 p-3 font-mono text-xs leading-5 whitespace-pre-wrap text-zinc-100"
    >
      {lines.length ? lines.join('\n') : <span className="text-zinc-500">The log is empty so far.</span>}
    </pre>
  );
}

export function LogsSection({ job, containers }: { job: JobDetail; containers: ServiceContainer[] | undefined }) {
  const started = (containers ?? []).filter((container) => container.instanceId !== '' && container.containerName !== '');
  const [chosen, setChosen] = useState<string | null>(null);
  const [lines, setLines] = useState<number>(LOG_LINE_CHOICES[0]);
  const key = (container: ServiceContainer) => `${container.instanceId}/${container.containerName}`;
  const current = started.find((container) => key(container) === chosen) ?? started[0];
  const ended = isTerminal(job.phase);
  const log = useQuery({
    ...jobQueries.log(job.id, {
      instanceId: current?.instanceId ?? '',
      containerName: current?.containerName ?? '',
      lines,
      ended,
    }),
    enabled: current !== undefined,
  });

  return (
    <Section
      title="Logs"
      actions={
        <div className="flex items-center gap-2 text-xs">
          <span data-testid="log-state" className="text-zinc-500" aria-live="polite">
            {current === undefined ? '' : ended ? 'Job ended: the log is complete.' : 'Following…'}
          </span>
          {started.length > 1 ? (
            <label className="flex items-center gap-1">
              Container
              <select
                value={current ? key(current) : ''}
                onChange={(event) => setChosen(event.target.value)}
                className="h-7 rounded-md border border-zinc-300 bg-white px-1.5 dark:border-zinc-700 dark:bg-zinc-900"
              >
                {started.map((container) => (
                  <option key={key(container)} value={key(container)}>
                    instance {container.instanceId} · {container.containerName}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label className="flex items-center gap-1">
            Last
            <select
              value={lines}
              onChange={(event) => setLines(Number(event.target.value))}
              className="h-7 rounded-md border border-zinc-300 bg-white px-1.5 dark:border-zinc-700 dark:bg-zinc-900"
            >
              {LOG_LINE_CHOICES.map((choice) => (
                <option key={choice} value={choice}>
                  {choice.toLocaleString('en-US')} lines
                </option>
              ))}
            </select>
          </label>
        </div>
      }
    >
      {current === undefined ? (
        <p className="text-zinc-500">Logs appear here once a container has started.</p>
      ) : log.isError && !log.data ? (
        <p role="alert" className="text-red-700 dark:text-red-400">
          Could not load the log: {log.error.message}
        </p>
      ) : log.data ? (
        <LogView lines={log.data.lines} />
      ) : (
        <p className="text-zinc-500">Loading the log…</p>
      )}
    </Section>
  );
}
