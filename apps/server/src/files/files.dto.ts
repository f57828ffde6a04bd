import { Type } from '@sinclair/typebox';

export const UploadFileQuery = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 255,
      description: 'The file name shown and offered on download (no path: / and \\ are refused)',
    }),
  },
  { additionalProperties: false },
);

/** An uploaded file: the same metadata an image or attachment field value keeps (`type` is its mimeType). */
export const StoredFileResponse = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    size: Type.Integer({ description: 'Bytes' }),
    type: Type.String({ description: 'Content type given at upload (application/octet-stream when none)' }),
    url: Type.String({ description: 'Where to GET the content (with the bearer token)' }),
  },
  { title: 'StoredFile' },
);
