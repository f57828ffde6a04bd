import type { FormDefinition } from '@tessera/schema';
import { App, Tabs } from 'antd';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../shared/api/api-problem';
import { asDefinition, designerApi, type AppRecord, type FormRecord } from './designer-api';
import { DesignerCanvas } from './designer-canvas';
import { DesignerCommandsContext } from './designer-context';
import { toDefinition } from './designer-document';
import { issueKey, NO_ISSUES, validateDraft, type DesignerIssues } from './designer-issues';
import { designerReducer, initialDesignerState, selectedField } from './designer-state';
import { DesignerToolbar } from './designer-toolbar';
import { FieldPalette } from './field-palette';
import { FieldPropertiesPanel } from './field-properties-panel';
import { FormSettingsPanel } from './form-settings-panel';
import { LinkageRulesPanel } from './linkage-rules-panel';
import { PreviewDialog } from './preview-dialog';
import { PublishDialog } from './publish-dialog';
import { useDesignerCommandObject } from './use-designer-commands';
import { useDesignerKeyboard } from './use-designer-keyboard';
import { VersionHistoryDrawer } from './version-history-drawer';

const VALIDATION_DELAY_MS = 250;

type SidePane = 'field' | 'form' | 'linkage';

/** Keys that cannot change any more: the published fields (and `subTable.column` for their columns). */
function publishedKeys(published: FormDefinition | null): ReadonlySet<string> {
  const keys = new Set<string>();
  for (const field of published?.fields ?? []) {
    keys.add(field.key);
    if (field.type === 'sub_table') for (const column of field.fields) keys.add(issueKey(field.key, column.key));
  }
  return keys;
}

/** The form designer: toolbar, palette, canvas and properties, around one reducer with undo/redo. */
export function FormDesigner(props: { form: FormRecord; app: AppRecord | null; onReload: () => void }) {
  const { form, app, onReload } = props;
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [state, dispatch] = useReducer(designerReducer, asDefinition(form.draft), initialDesignerState);
  const [revision, setRevision] = useState(form.draftRevision);
  const [publishedVersion, setPublishedVersion] = useState(form.publishedVersion);
  const [published, setPublished] = useState<FormDefinition | null>(
    form.published ? asDefinition(form.published) : null,
  );
  const [issues, setIssues] = useState<DesignerIssues>(NO_ISSUES);
  const [saving, setSaving] = useState(false);
  const [pane, setPane] = useState<SidePane>('field');
  const [dialog, setDialog] = useState<'publish' | 'preview' | 'versions' | null>(null);

  const commands = useDesignerCommandObject(state, dispatch);
  const lockedKeys = useMemo(() => publishedKeys(published), [published]);
  const appForms = useMemo(() => app?.forms ?? [], [app]);
  const knownForms = useMemo(() => new Set([form.key, ...appForms.map((f) => f.key)]), [appForms, form.key]);
  const dirty = state.document !== state.saved;

  // live validation, a moment after the last change (the same rules the server applies when publishing)
  useEffect(() => {
    const timer = window.setTimeout(
      () => setIssues(validateDraft(toDefinition(state.document), knownForms)),
      VALIDATION_DELAY_MS,
    );
    return () => window.clearTimeout(timer);
  }, [state.document, knownForms]);

  // selecting a field (even the selected one again) shows its properties
  useEffect(() => {
    if (state.selection !== null) setPane('field');
  }, [state.selection]);

  const latest = useRef({ state, revision, saving });
  latest.current = { state, revision, saving };

  /** Saves the draft; resolves to the new revision, or null when it failed (a 409 offers a reload). */
  const save = useCallback(async (): Promise<number | null> => {
    const { state: current, revision: at, saving: busy } = latest.current;
    if (busy) return null;
    if (current.document === current.saved) return at;
    setSaving(true);
    try {
      const saved = await designerApi.saveDraft(form.key, at, toDefinition(current.document));
      setRevision(saved.draftRevision);
      latest.current.revision = saved.draftRevision;
      dispatch({ type: 'saved', document: current.document });
      message.success(t('designer.page.saveSuccess'));
      return saved.draftRevision;
    } catch (error) {
      if (isApiProblem(error) && error.status === 409) {
        modal.confirm({
          title: t('designer.page.staleTitle'),
          content: t('designer.page.staleBody'),
          okText: t('designer.page.reload'),
          cancelText: t('designer.page.cancel'),
          onOk: onReload,
        });
      } else {
        const text = isApiProblem(error) ? (error.errors[0]?.message ?? error.detail ?? error.title) : String(error);
        message.error(t('designer.page.saveFailed', { message: text }));
      }
      return null;
    } finally {
      setSaving(false);
    }
  }, [form.key, message, modal, onReload, t]);

  useDesignerKeyboard({ dispatch, commands, selection: state.selection, save: () => void save() });

  const field = selectedField(state.document, state.selection);
  const definition = useMemo(
    () => (dialog === 'preview' ? toDefinition(state.document) : null),
    [dialog, state.document],
  );

  return (
    <DesignerCommandsContext.Provider value={commands}>
      <div className="fd-root" data-testid="form-designer">
        <DesignerToolbar
          name={state.document.meta.name}
          dirty={dirty}
          saving={saving}
          canUndo={state.past.length > 0}
          canRedo={state.future.length > 0}
          publishedVersion={publishedVersion}
          issues={issues}
          document={state.document}
          onUndo={() => dispatch({ type: 'undo' })}
          onRedo={() => dispatch({ type: 'redo' })}
          onSave={() => void save()}
          onPreview={() => setDialog('preview')}
          onPublish={() => setDialog('publish')}
          onVersions={() => setDialog('versions')}
        />
        <div className="fd-panes">
          <FieldPalette />
          <DesignerCanvas document={state.document} selection={state.selection} issues={issues} />
          <aside className="fd-properties" data-testid="properties-panel">
            <Tabs
              destroyOnHidden
              activeKey={pane}
              onChange={(key) => setPane(key as SidePane)}
              items={[
                {
                  key: 'field',
                  label: t('designer.page.fieldTab'),
                  children: (
                    <div className="fd-properties-body">
                      <FieldPropertiesPanel
                        document={state.document}
                        selection={state.selection}
                        field={field}
                        issues={issues}
                        lockedKeys={lockedKeys}
                        manualKeys={state.manualKeys}
                        appForms={appForms}
                        formKey={form.key}
                        dispatch={dispatch}
                      />
                    </div>
                  ),
                },
                {
                  key: 'form',
                  label: t('designer.page.formTab'),
                  children: (
                    <div className="fd-properties-body">
                      <FormSettingsPanel document={state.document} issues={issues} dispatch={dispatch} />
                    </div>
                  ),
                },
                {
                  key: 'linkage',
                  label: t('designer.page.linkageTab'),
                  children: (
                    <div className="fd-properties-body">
                      <LinkageRulesPanel document={state.document} issues={issues} dispatch={dispatch} />
                    </div>
                  ),
                },
              ]}
            />
          </aside>
        </div>
      </div>
      {dialog === 'publish' && (
        <PublishDialog
          formKey={form.key}
          dirty={dirty}
          save={save}
          revision={revision}
          onClose={() => setDialog(null)}
          onPublished={(result) => {
            setPublishedVersion(result.publishedVersion);
            setPublished(result.published ? asDefinition(result.published) : null);
            setRevision(result.draftRevision);
            setDialog(null);
          }}
          onIssues={(serverIssues) => setIssues(serverIssues)}
          document={state.document}
        />
      )}
      {dialog === 'preview' && definition && (
        <PreviewDialog definition={definition} issues={issues} onClose={() => setDialog(null)} />
      )}
      {dialog === 'versions' && <VersionHistoryDrawer formKey={form.key} onClose={() => setDialog(null)} />}
    </DesignerCommandsContext.Provider>
  );
}
