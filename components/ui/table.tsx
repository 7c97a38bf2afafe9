import type { ReactNode } from "react";

type TableProps = {
  /** Visually hidden caption: gives the table an accessible name for getByRole("table"). */
  caption: string;
  columns: ReactNode[];
  children: ReactNode;
};

/** A horizontally scrollable data table with a header row. */
export function Table({ caption, columns, children }: TableProps) {
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
        <tbody>{children}</tbody>
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
