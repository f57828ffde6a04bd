import { ClearOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useEffect, useRef, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldWidget } from './field-widget';
import { isRecordObject } from './field-format';
import { EmptyValue } from './empty-value';
import { signatureDataUrl, type Stroke } from './signature-svg';

const WIDTH = 420;
const HEIGHT = 140;

function signatureUrl(value: unknown): string | undefined {
  return isRecordObject(value) && typeof value.url === 'string' && value.url.startsWith('data:image/')
    ? value.url
    : undefined;
}

function SignaturePad({
  value,
  onChange,
  disabled,
}: {
  value: unknown;
  onChange: (v: unknown) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<Stroke[]>([]);
  const drawing = useRef(false);
  const existing = signatureUrl(value);

  useEffect(() => {
    if (!existing) strokes.current = [];
  }, [existing]);

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - rect.left) * WIDTH) / rect.width, y: ((e.clientY - rect.top) * HEIGHT) / rect.height };
  };
  const ctx = () => canvas.current?.getContext('2d') ?? null;

  const start = (e: PointerEvent<HTMLCanvasElement>) => {
    if (disabled) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    strokes.current.push([point(e)]);
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const stroke = strokes.current[strokes.current.length - 1];
    const p = point(e);
    const prev = stroke[stroke.length - 1];
    stroke.push(p);
    const c = ctx();
    if (!c) return;
    c.lineWidth = 2.5;
    c.lineCap = 'round';
    c.beginPath();
    c.moveTo(prev.x, prev.y);
    c.lineTo(p.x, p.y);
    c.stroke();
  };
  const end = () => {
    if (!drawing.current) return;
    drawing.current = false;
    const url = signatureDataUrl(strokes.current, WIDTH, HEIGHT);
    onChange(url ? { id: crypto.randomUUID(), name: 'signature.svg', mimeType: 'image/svg+xml', url } : null);
  };
  const clear = () => {
    strokes.current = [];
    ctx()?.clearRect(0, 0, WIDTH, HEIGHT);
    onChange(null);
  };

  return (
    <Flex vertical gap={6} style={{ maxWidth: WIDTH }}>
      <div
        style={{
          position: 'relative',
          border: '1px dashed #d9d9d9',
          borderRadius: 8,
          background: '#fafafa',
          aspectRatio: `${WIDTH} / ${HEIGHT}`,
        }}
      >
        {existing && strokes.current.length === 0 && (
          <img src={existing} alt="" style={{ position: 'absolute', inset: 0, width: '100%', height: '100%' }} />
        )}
        <canvas
          ref={canvas}
          width={WIDTH}
          height={HEIGHT}
          aria-label={t('runtime.widgets.signHere')}
          style={{
            position: 'absolute',
            inset: 0,
            width: '100%',
            height: '100%',
            touchAction: 'none',
            cursor: 'crosshair',
          }}
          onPointerDown={start}
          onPointerMove={move}
          onPointerUp={end}
          onPointerLeave={end}
        />
      </div>
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('runtime.widgets.signHere')}
        </Typography.Text>
        <Button size="small" icon={<ClearOutlined />} disabled={disabled} onClick={clear}>
          {t('runtime.widgets.clearSignature')}
        </Button>
      </Flex>
    </Flex>
  );
}

/** signature: drawn on a canvas, stored as an SVG data URL in the file value. */
export const signatureWidget: FieldWidget<'signature'> = {
  Input({ value, onChange, disabled }) {
    return <SignaturePad value={value} onChange={onChange} disabled={disabled} />;
  },
  Display({ value, compact }) {
    const url = signatureUrl(value);
    if (!url) return <EmptyValue />;
    return <img src={url} alt="" style={{ height: compact ? 24 : 80, background: '#fff' }} />;
  },
  wide: true,
};
