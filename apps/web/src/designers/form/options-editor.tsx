import { DeleteOutlined, HolderOutlined, PlusOutlined } from '@ant-design/icons';
import type { FieldOption } from '@tessera/schema';
import { Button, ColorPicker, Input, Tooltip } from 'antd';
import { useRef } from 'react';
import { useDrag, useDrop } from 'react-dnd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../shared/i18n/use-language';
import { DRAG, type OptionDragItem } from './drag-items';
import { languageText, setLanguageText } from './localized-text-input';
import { OPTION_COLORS } from './new-field';
import { newFieldTexts } from './new-field-texts';

function OptionRow(props: {
  option: FieldOption;
  index: number;
  onChange: (option: FieldOption, tag: string) => void;
  onRemove: () => void;
  onMove: (from: number, to: number) => void;
  canRemove: boolean;
}) {
  const { option, index, onChange, onRemove, onMove, canRemove } = props;
  const { t } = useTranslation();
  const { language } = useLanguage();
  const rowRef = useRef<HTMLDivElement>(null);
  const handleRef = useRef<HTMLSpanElement>(null);
  const [, connectDrag, connectPreview] = useDrag<OptionDragItem>(
    () => ({ type: DRAG.option, item: { index } }),
    [index],
  );
  const [{ isOver }, connectDrop] = useDrop<OptionDragItem, void, { isOver: boolean }>(
    () => ({
      accept: DRAG.option,
      drop: (item) => onMove(item.index, index),
      collect: (monitor) => ({ isOver: monitor.isOver() && monitor.getItem()?.index !== index }),
    }),
    [index, onMove],
  );
  connectDrag(handleRef);
  connectPreview(rowRef);
  connectDrop(rowRef);
  return (
    <div ref={rowRef} className={`fd-option-row${isOver ? ' is-over' : ''}`} data-testid={`option-${index}`}>
      <Tooltip title={t('designer.properties.dragToReorder')}>
        <span ref={handleRef} className="fd-option-handle" data-testid={`option-handle-${index}`}>
          <HolderOutlined />
        </span>
      </Tooltip>
      <ColorPicker
        size="small"
        value={option.color}
        presets={[{ label: t('designer.properties.optionColor'), colors: OPTION_COLORS }]}
        onChangeComplete={(color) => onChange({ ...option, color: color.toHexString() }, `color${index}`)}
      />
      <Input
        size="small"
        value={languageText(option.label, language)}
        onChange={(event) =>
          onChange(
            { ...option, label: setLanguageText(option.label, language, event.target.value) ?? '' },
            `label${index}`,
          )
        }
        data-testid={`option-label-${index}`}
      />
      <Tooltip title={t('designer.properties.optionValue')}>
        <Input
          size="small"
          style={{ width: 96, fontFamily: 'monospace' }}
          value={option.value}
          onChange={(event) => onChange({ ...option, value: event.target.value }, `value${index}`)}
          data-testid={`option-value-${index}`}
        />
      </Tooltip>
      <Button
        size="small"
        type="text"
        icon={<DeleteOutlined />}
        disabled={!canRemove}
        aria-label={t('designer.properties.removeOption')}
        onClick={onRemove}
      />
    </div>
  );
}

/** Options of a choice field: label (in the UI language), stored value, colour; drag the handle to reorder. */
export function OptionsEditor(props: {
  options: FieldOption[];
  onChange: (options: FieldOption[], tag?: string) => void;
}) {
  const { options, onChange } = props;
  const { t } = useTranslation();
  const latest = useRef(options);
  latest.current = options;
  const move = (from: number, to: number) => {
    const next = [...latest.current];
    const [moved] = next.splice(from, 1);
    if (!moved) return;
    next.splice(to, 0, moved);
    onChange(next);
  };
  const add = () => {
    const values = new Set(options.map((option) => option.value));
    let n = options.length + 1;
    while (values.has(`option_${n}`)) n += 1;
    onChange([
      ...options,
      {
        value: `option_${n}`,
        label: newFieldTexts.option(n),
        color: OPTION_COLORS[(n - 1) % OPTION_COLORS.length]!,
      },
    ]);
  };
  return (
    <div data-testid="options-editor">
      {options.map((option, index) => (
        <OptionRow
          key={index}
          option={option}
          index={index}
          canRemove={options.length > 1}
          onMove={move}
          onRemove={() => onChange(options.filter((_, candidate) => candidate !== index))}
          onChange={(next, tag) =>
            onChange(
              options.map((candidate, position) => (position === index ? next : candidate)),
              `options.${tag}`,
            )
          }
        />
      ))}
      <Button size="small" type="dashed" block icon={<PlusOutlined />} onClick={add} data-testid="option-add">
        {t('designer.properties.addOption')}
      </Button>
    </div>
  );
}
