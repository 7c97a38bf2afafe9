import type { ReactNode } from "react";

type TableProps = {
  /** Visually hidden caption: gives the table an accessible name for getByRole("table"). */
  caption: string;
  columns: ReactNode[];
  children: ReactNode;
  /** Shown as the only row while the rows load ("Loading APIs…"). */
  loading?: ReactNode | false;
  /** Shown as the only row once loaded with no rows ("No APIs yet."). */
  empty?: ReactNode | false;
};

/**
 * A horizontally scrollable data table with a header row. Lists pass their
 * query's state as `loading` / `empty` so every list says it the same way.
 */
export function Table({ caption, columns, children, loading, empty }: TableProps) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {loading && <TableMessageRow colSpan={columns.length}>{loading}</TableMessageRow>}
          {empty && <TableMessageRow colSpan={columns.length}>{empty}</TableMessageRow>}
          {children}
        </tbody>
      </table>
    </div>
  );
}

/** One full-width row for loading / empty states, so the table keeps its shape. */
export function TableMessageRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="table-message">
        {children}
      </td>
    </tr>
  );
}
