/* global fetch */
// File fields: a form with an image field made through the API; in the browser a wrong file type is refused
// before upload, an image is uploaded (POST /api/v1/files) into a new record, and the record page shows its
// thumbnail, fetched with the bearer token as an object URL. The stored value is checked on the server.
import { Buffer } from 'node:buffer';
import { setTimeout as delay } from 'node:timers/promises';
import { assert, expectText, expectVisible } from '../lib/assertions.mjs';
import { api, login } from '../lib/session.mjs';

export const name = 'files';

const FORM_KEY = 'e2e_site_visits';

const FIELDS = [
  { key: 'title', type: 'text', label: { 'zh-CN': '标题', 'en-US': 'Visit' }, required: true, width: 12 },
  { key: 'photo', type: 'image', label: { 'zh-CN': '现场照片', 'en-US': 'Photo' }, maxFiles: 2, width: 24 },
];

/** An 8×8 orange PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGN44GCAFTEMLQkA/qhUAauyPMcAAAAASUVORK5CYII=',
  'base64',
);

/** Waits until an <img> inside the locator has loaded a blob: URL with real pixels. */
async function expectLoadedThumbnail(locator, what) {
  const img = locator.getByTestId('file-thumbnail').locator('img');
  await expectVisible(img, { what });
  const deadline = Date.now() + 10_000;
  let state = null;
  while (Date.now() < deadline) {
    state = await img.first().evaluate((el) => ({ src: el.src, width: el.naturalWidth, complete: el.complete }));
    if (state.complete && state.width > 0 && state.src.startsWith('blob:')) return;
    await delay(100);
  }
  throw new Error(`${what}: the thumbnail did not load (${JSON.stringify(state)})`);
}

export async function run({ page, baseUrl, credentials, screenshot, step }) {
  step('log in and create an app with a form with an image field through the API');
  const token = await login(page, baseUrl, credentials);
  const app = await api(baseUrl, token, 'POST', '/api/v1/apps', {
    key: 'e2e_field_ops',
    name: { 'zh-CN': '现场管理', 'en-US': 'Field ops' },
  });
  await api(baseUrl, token, 'POST', `/api/v1/apps/${app.id}/forms`, {
    key: FORM_KEY,
    name: 'Site visits',
    fields: FIELDS,
  });
  const form = await api(baseUrl, token, 'GET', `/api/v1/forms/${FORM_KEY}`);
  await api(baseUrl, token, 'POST', `/api/v1/forms/${FORM_KEY}/publish`, { revision: form.draftRevision });

  step('open the create drawer; a text file is refused by the image field before any upload');
  await page.goto(`${baseUrl}/forms/${FORM_KEY}`);
  await expectText(page.getByTestId('page-heading'), 'Site visits', { what: 'table page heading' });
  await page.getByTestId('create-record').click();
  const drawer = page.getByTestId('record-create-drawer');
  await expectVisible(drawer.getByTestId('record-form'), { what: 'create form' });
  const fileInput = drawer.getByTestId('file-input-photo');
  await fileInput.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') });
  await expectText(drawer.getByTestId('field-photo'), 'notes.txt is not an accepted file type', {
    what: 'accept refusal message',
  });

  step('upload an image: its thumbnail appears in the form');
  const uploaded = page.waitForResponse(
    (response) => response.url().includes('/api/v1/files?') && response.request().method() === 'POST',
  );
  await fileInput.setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: PNG });
  const uploadResponse = await uploaded;
  assert(uploadResponse.status() === 201, `the upload answered ${uploadResponse.status()}`);
  await expectLoadedThumbnail(drawer.getByTestId('file-list-photo'), 'thumbnail in the form');
  await drawer.locator('#rf-title').fill('Warehouse check');
  await screenshot('form-with-image');
  await drawer.getByTestId('record-form-submit').click();
  await expectText(page.getByTestId('records-table'), 'Warehouse check', { what: 'new record in the table' });

  step('the server record holds the uploaded file; the record page shows its thumbnail');
  const record = (
    await api(baseUrl, token, 'POST', `/api/v1/forms/${FORM_KEY}/records/query`, {
      filter: { field: 'title', op: 'eq', value: 'Warehouse check' },
    })
  ).items[0];
  const photo = record?.values.photo;
  assert(Array.isArray(photo) && photo.length === 1, `expected one stored photo, got ${JSON.stringify(photo)}`);
  assert(photo[0].name === '现场.png' && photo[0].mimeType === 'image/png', `unexpected ${JSON.stringify(photo)}`);
  const stored = await fetch(`${baseUrl}/api/v1/files/${photo[0].id}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  assert(stored.ok, `GET the stored file answered ${stored.status}`);
  assert(Buffer.from(await stored.arrayBuffer()).equals(PNG), 'the stored bytes differ from the uploaded ones');

  await page.goto(`${baseUrl}/forms/${FORM_KEY}/records/${record.id}`);
  await expectText(page.getByTestId('page-heading'), 'Warehouse check', { what: 'record page heading' });
  await expectLoadedThumbnail(page.getByTestId('file-thumbnails-photo'), 'thumbnail on the record page');
  const thumbnails = await page.getByTestId('file-thumbnails-photo').getByTestId('file-thumbnail').count();
  assert(thumbnails === 1, `expected 1 thumbnail on the record page, got ${thumbnails}`);
  await screenshot('record-with-image');
}
