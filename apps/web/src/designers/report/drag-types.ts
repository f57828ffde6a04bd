/** react-dnd item types of the report designer. */
export const FIELD_DRAG = 'report-field';

/** A field dragged from the field list (`ref` = key or relation path; `count` = the record count item). */
export interface FieldDragItem {
  ref: string;
}

/** The virtual "record count" item of the field list. */
export const RECORD_COUNT_REF = '__count__';
