/** react-dnd item type of a saved report dragged from the palette onto the dashboard grid. */
export const REPORT_DRAG = 'dashboard-report';

export interface ReportDragItem {
  reportKey: string;
}
