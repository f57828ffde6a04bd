import { FormOutlined } from '@ant-design/icons';
import { Menu, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useLanguage } from '../../shared/i18n/use-language';
import type { AppItem } from '../../shared/widgets/fields/field-api-types';

type Name = AppItem['name'];

/** An app or form name in the UI language (kept local: the sidebar is in the initial bundle, the engines are not). */
function nameIn(name: Name, locale: 'zh-CN' | 'en-US'): string {
  if (typeof name === 'string') return name;
  return name[locale] ?? name['zh-CN'] ?? name['en-US'] ?? '';
}

/** The sidebar's apps → forms tree; a published form opens its table, a draft is listed but not openable. */
export function SidebarAppsMenu({ apps }: { apps: AppItem[] }) {
  const { t } = useTranslation();
  const { language: locale } = useLanguage();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const selected = /^\/forms\/([^/]+)/.exec(pathname)?.[1];
  return (
    <Menu
      mode="inline"
      data-testid="sidebar-apps"
      style={{ borderInlineEnd: 'none', background: 'transparent' }}
      selectedKeys={selected ? [`form:${selected}`] : []}
      defaultOpenKeys={apps.map((a) => `app:${a.id}`)}
      onClick={({ key }) => key.startsWith('form:') && void navigate(`/forms/${key.slice(5)}`)}
      items={apps.map((app) => ({
        key: `app:${app.id}`,
        label: nameIn(app.name, locale),
        icon: (
          <span
            aria-hidden
            style={{
              display: 'inline-block',
              width: 10,
              height: 10,
              borderRadius: 3,
              background: app.color ?? '#5b6cf9',
            }}
          />
        ),
        children: app.forms.map((form) => ({
          key: `form:${form.key}`,
          icon: <FormOutlined />,
          disabled: form.publishedVersion === null,
          'data-testid': `sidebar-form-${form.key}`,
          label: (
            <span>
              {nameIn(form.name, locale)}
              {form.publishedVersion === null && (
                <Tag bordered={false} style={{ marginInlineStart: 6, fontSize: 11 }}>
                  {t('runtime.sidebar.draft')}
                </Tag>
              )}
            </span>
          ),
        })),
      }))}
    />
  );
}
