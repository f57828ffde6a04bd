import { ROOT_CONTAINER, type DesignerDocument } from './designer-document';
import type { DesignerIssues } from './designer-issues';
import type { Selection } from './designer-state';
import { CanvasContainer } from './canvas-container';
import { useDesignerCommands } from './designer-context';

/** The middle pane: the form as it will look, made of draggable field cards in rows of 1–4 columns. */
export function DesignerCanvas(props: {
  document: DesignerDocument;
  selection: Selection | null;
  issues: DesignerIssues;
}) {
  const { document, selection, issues } = props;
  const commands = useDesignerCommands();
  return (
    <div className="fd-canvas-scroll" onClick={() => commands.select(null)} data-testid="designer-canvas">
      <div className="fd-canvas">
        <div className="fd-canvas-title">{document.meta.name}</div>
        <CanvasContainer container={ROOT_CONTAINER} document={document} selection={selection} issues={issues} />
      </div>
    </div>
  );
}
