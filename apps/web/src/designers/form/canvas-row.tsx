import type { MetadataIssue } from '@tessera/schema';
import { memo, useState } from 'react';
import { evenSpan, tabContainerId, type DesignerDocument, type RowNode } from './designer-document';
import type { DesignerIssues } from './designer-issues';
import type { Selection } from './designer-state';
import { FieldCard } from './field-card';
import { CanvasContainer } from './canvas-container';
import { useLocalized } from './use-localized';

export interface CanvasRowProps {
  row: RowNode;
  container: string;
  document: DesignerDocument;
  selection: Selection | null;
  issues: DesignerIssues;
}

/** The tab strip and the rows of the active tab of a tabs field. */
function TabsBody(props: { tabsKey: string } & Omit<CanvasRowProps, 'row' | 'container'>) {
  const { tabsKey, document, selection, issues } = props;
  const localized = useLocalized();
  const [active, setActive] = useState(0);
  const field = document.fields[tabsKey];
  if (field?.type !== 'tabs') return null;
  const current = Math.min(active, field.tabs.length - 1);
  return (
    <div onClick={(event) => event.stopPropagation()}>
      <div className="fd-tabs-strip">
        {field.tabs.map((tab, index) => (
          <div
            key={index}
            className={`fd-tab${index === current ? ' is-active' : ''}`}
            data-testid={`tab-${tabsKey}-${index}`}
            onClick={() => setActive(index)}
          >
            {localized(tab.title)}
          </div>
        ))}
      </div>
      <div className="fd-tab-body">
        <CanvasContainer
          container={tabContainerId(tabsKey, current)}
          document={document}
          selection={selection}
          issues={issues}
        />
      </div>
    </div>
  );
}

function selectionIn(selection: Selection | null, keys: readonly string[]): Selection | null {
  return selection && keys.includes(selection.key) ? selection : null;
}

/**
 * Re-render a row only when something it shows changed: its columns, their fields, their selection or their issues.
 * This keeps a keystroke in the properties panel from re-rendering the other 299 cards of a 300-field form.
 */
function sameRow(previous: CanvasRowProps, next: CanvasRowProps): boolean {
  if (previous.row !== next.row || previous.container !== next.container) return false;
  const keys = next.row.columns;
  const hasContainer = keys.some((key) => next.document.fields[key]?.type === 'tabs');
  if (hasContainer) return false; // tabs rows hold other rows: always refresh (there are few)
  const a = selectionIn(previous.selection, keys);
  const b = selectionIn(next.selection, keys);
  if (a?.key !== b?.key || a?.sub !== b?.sub) return false;
  for (const key of keys) {
    if (previous.document.fields[key] !== next.document.fields[key]) return false;
    if (previous.issues.byField.get(key) !== next.issues.byField.get(key)) return false;
  }
  // sub-table cards also show their columns' issues
  if (previous.issues !== next.issues && keys.some((key) => next.document.fields[key]?.type === 'sub_table'))
    return false;
  return true;
}

const NO_ISSUES: readonly MetadataIssue[] = [];

export const CanvasRow = memo(function CanvasRow(props: CanvasRowProps) {
  const { row, container, document, selection, issues } = props;
  const columns = row.columns.filter((key) => document.fields[key] !== undefined);
  return (
    <div className="fd-row" data-testid="canvas-row">
      {columns.map((key, columnIndex) => {
        const field = document.fields[key]!;
        const selected = selection?.key === key;
        return (
          <FieldCard
            key={key}
            field={field}
            container={container}
            rowId={row.id}
            columnIndex={columnIndex}
            span={field.width ?? evenSpan(columns.length)}
            selected={selected}
            selectedSub={selected ? selection?.sub : undefined}
            issues={issues.byField.get(key) ?? NO_ISSUES}
            issuesByField={field.type === 'sub_table' ? issues.byField : undefined}
            body={
              field.type === 'tabs' ? (
                <TabsBody tabsKey={key} document={document} selection={selection} issues={issues} />
              ) : undefined
            }
          />
        );
      })}
    </div>
  );
}, sameRow);
