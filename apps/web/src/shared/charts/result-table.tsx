import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { isObject, type LooseOption } from './chart-option-access';

type Row = Record<string, unknown> & { __index: number };

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

function tableOf(block: LooseOption): { columns: ColumnsType<Row>; rows: Row[] } {
  const columns = (Array.isArray(block.columns) ? block.columns : []).filter(isObject).map((c) => ({
    key: text(c.key),
    dataIndex: text(c.key),
    title: text(c.title),
    align: c.align === 'right' ? ('right' as const) : ('left' as const),
    render: (v: unknown) => text(v),
  }));
  const rows = (Array.isArray(block.rows) ? block.rows : []).filter(isObject).map((r, i) => ({ ...r, __index: i }));
  return { columns, rows };
}

function pivotOf(block: LooseOption): { columns: ColumnsType<Row>; rows: Row[] } {
  const rowTitles = (Array.isArray(block.rowTitles) ? block.rowTitles : []).map(text);
  const columnHeaders = (Array.isArray(block.columnHeaders) ? block.columnHeaders : []).map((h) =>
    Array.isArray(h) ? h.map(text).join(' / ') : text(h),
  );
  const rowHeaders = (Array.isArray(block.rowHeaders) ? block.rowHeaders : []).map((h) =>
    Array.isArray(h) ? h.map(text) : [text(h)],
  );
  const cells = (Array.isArray(block.cells) ? block.cells : []).map((r) => (Array.isArray(r) ? r.map(text) : []));
  const columns: ColumnsType<Row> = [
    ...rowTitles.map((title, i) => ({ key: `r${i}`, dataIndex: `r${i}`, title, fixed: 'left' as const })),
    ...columnHeaders.map((title, j) => ({ key: `c${j}`, dataIndex: `c${j}`, title, align: 'right' as const })),
  ];
  const rows = rowHeaders.map((rh, i) => {
    const row: Row = { __index: i };
    rh.forEach((v, k) => (row[`r${k}`] = v));
    (cells[i] ?? []).forEach((v, j) => (row[`c${j}`] = v));
    return row;
  });
  return { columns, rows };
}

/** The `table` and `pivot` charts: the engine's formatted cells in an antd table; a row click drills down. */
export function ResultTable({
  block,
  height,
  onRowClick,
}: {
  block: LooseOption;
  height: number;
  onRowClick?: (index: number) => void;
}) {
  const { columns, rows } = block.kind === 'pivot' ? pivotOf(block) : tableOf(block);
  return (
    <Table<Row>
      size="small"
      columns={columns}
      dataSource={rows}
      rowKey="__index"
      pagination={false}
      scroll={{ y: Math.max(80, height - 40), x: 'max-content' }}
      onRow={(row) => ({
        onClick: onRowClick ? () => onRowClick(row.__index) : undefined,
        style: onRowClick ? { cursor: 'pointer' } : undefined,
      })}
      data-testid="result-table"
    />
  );
}
