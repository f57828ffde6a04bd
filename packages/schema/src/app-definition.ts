/** An app groups forms (and later flows, reports) under one icon in the navigation. */
export interface AppDefinition {
  key: string;
  name: string;
  icon?: string;
  color?: string;
  /** Form keys in navigation order. */
  forms: string[];
}
