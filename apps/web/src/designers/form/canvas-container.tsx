import { ROOT_CONTAINER, type DesignerDocument } from './designer-document';
import type { DesignerIssues } from './designer-issues';
import type { Selection } from './designer-state';
import { CanvasDropEnd } from './canvas-drop-end';
import { CanvasRow } from './canvas-row';

/** The rows of one container (the form, or a tab) and its end drop zone. */
export function CanvasContainer(props: {
  container: string;
  document: DesignerDocument;
  selection: Selection | null;
  issues: DesignerIssues;
}) {
  const { container, document, selection, issues } = props;
  const rows = document.containers[container] ?? [];
  const isRoot = container === ROOT_CONTAINER;
  return (
    <>
      {rows.map((row) => (
        <CanvasRow
          key={row.id}
          row={row}
          container={container}
          document={document}
          selection={selection}
          issues={issues}
        />
      ))}
      <CanvasDropEnd
        container={container}
        empty={isRoot && rows.length === 0}
        testId={isRoot ? 'canvas-drop-end' : `tab-drop-end-${container.replace('/', '-')}`}
      />
    </>
  );
}
