import { AimOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldWidget } from './field-widget';
import { isRecordObject } from './field-format';
import { EmptyValue } from './empty-value';

interface LatLng {
  lat?: number;
  lng?: number;
  address?: string;
}

function readLocation(value: unknown): LatLng {
  if (!isRecordObject(value)) return {};
  return {
    lat: typeof value.lat === 'number' ? value.lat : undefined,
    lng: typeof value.lng === 'number' ? value.lng : undefined,
    address: typeof value.address === 'string' ? value.address : undefined,
  };
}

/** location: latitude / longitude (with "use my position") and an optional address line. */
export const locationWidget: FieldWidget<'location'> = {
  Input({ value, onChange, disabled, id }) {
    const { t } = useTranslation();
    const current = readLocation(value);
    const emit = (next: LatLng) => {
      const out: Record<string, number | string> = {};
      if (next.lat !== undefined) out.lat = next.lat;
      if (next.lng !== undefined) out.lng = next.lng;
      if (next.address) out.address = next.address;
      onChange(Object.keys(out).length ? out : null);
    };
    const locate = () =>
      navigator.geolocation?.getCurrentPosition((p) =>
        emit({ ...current, lat: Number(p.coords.latitude.toFixed(6)), lng: Number(p.coords.longitude.toFixed(6)) }),
      );
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space.Compact style={{ width: '100%' }}>
          <InputNumber<number>
            id={id}
            style={{ width: '45%' }}
            min={-90}
            max={90}
            step={0.000001}
            placeholder={t('runtime.widgets.latitude')}
            value={current.lat ?? null}
            disabled={disabled}
            onChange={(v) => emit({ ...current, lat: v ?? undefined })}
          />
          <InputNumber<number>
            style={{ width: '45%' }}
            min={-180}
            max={180}
            step={0.000001}
            placeholder={t('runtime.widgets.longitude')}
            value={current.lng ?? null}
            disabled={disabled}
            onChange={(v) => emit({ ...current, lng: v ?? undefined })}
          />
          <Tooltip title={t('runtime.widgets.locateMe')}>
            <Button
              icon={<AimOutlined />}
              disabled={disabled}
              onClick={locate}
              aria-label={t('runtime.widgets.locateMe')}
            />
          </Tooltip>
        </Space.Compact>
        <Input
          value={current.address ?? ''}
          disabled={disabled}
          placeholder={t('runtime.widgets.addressPlaceholder')}
          onChange={(e) => emit({ ...current, address: e.target.value })}
        />
      </Space>
    );
  },
  Display({ value }) {
    const v = readLocation(value);
    if (v.lat === undefined || v.lng === undefined) return <EmptyValue />;
    const coords = `${v.lat.toFixed(5)}, ${v.lng.toFixed(5)}`;
    return (
      <Typography.Link
        href={`https://uri.amap.com/marker?position=${v.lng},${v.lat}`}
        target="_blank"
        rel="noreferrer"
        onClick={(e) => e.stopPropagation()}
      >
        {v.address ? `${v.address} (${coords})` : coords}
      </Typography.Link>
    );
  },
};
