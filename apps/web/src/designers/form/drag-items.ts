import type { FieldType } from '@tessera/schema';

/** react-dnd item types of the designer. */
export const DRAG = {
  palette: 'designer/palette-field',
  field: 'designer/canvas-field',
  subField: 'designer/sub-table-column',
  option: 'designer/option',
} as const;

export interface PaletteDragItem {
  fieldType: FieldType;
}

export interface FieldDragItem {
  key: string;
}

export interface SubFieldDragItem {
  parent: string;
  key: string;
}

export interface OptionDragItem {
  index: number;
}
