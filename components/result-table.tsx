import type { ResultPage } from '@/lib/domain/job';

/** The first page of a result: column names with their Snowflake types, cells as plain text. */
export function ResultTable({ result }: { result: ResultPage }) {
  return (
    <div className="max-h-[28rem] overflow-auto rounded-md border border-zinc-200 dark:border-zinc-800">
      <table className="min-w-full border-collapse font-mono text-xs">
        <thead className="sticky top-0 bg-zinc-100 dark:bg-zinc-900">
          <tr>
            {result.columns.map((column, index) => (
              <th
                key={`${index}-${column.name}`}
                scope="col"
                className="border-b border-zinc-200 px-3 py-1.5 text-left align-bottom font-semibold whitespace-nowrap dark:border-zinc-800"
              >
                <span className="block text-zinc-900 dark:text-zinc-100">{column.name}</span>
                <span className="block font-normal text-zinc-500" data-testid="column-type">
                  {column.type}
                  {column.nullable ? '' : ' NOT NULL'}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row, rowIndex) => (
            <tr key={rowIndex} className="odd:bg-white even:bg-zinc-50 dark:odd:bg-zinc-950 dark:even:bg-zinc-900/50">
              {row.map((cell, cellIndex) => (
                <td
                  key={cellIndex}
                  className="max-w-[32rem] truncate border-b border-zinc-100 px-3 py-1 whitespace-nowrap dark:border-zinc-900"
                  title={cell ?? 'NULL'}
                >
                  {cell === null ? <span className="text-zinc-400 italic">NULL</span> : cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
