import { Label, Radio, RadioGroup, Text, View } from '@tarojs/components';
import './index.css';
import Paragraph from '../Paragraph';

export interface Option<T extends string> {
  value: T;
  label: string;
  /** A short line under the label. */
  description?: string;
}

export interface OptionGroupProps<T extends string> {
  /** Unique on the page: names the radio group. */
  name: string;
  /** Shown above the options. */
  title: string;
  options: ReadonlyArray<Option<T>>;
  value: T;
  onChange: (value: T) => void;
  /** `row`: options side by side (short labels); `list`: one per line (with descriptions). */
  layout?: 'row' | 'list';
  /** A line under the options about the current choice (what it means, what it needs). */
  note?: string;
  error?: string;
}

/** One choice among a few, as radio buttons with their labels (tapping the label selects). */
export default function OptionGroup<T extends string>(props: OptionGroupProps<T>) {
  const { name, title, options, value, layout = 'row', note, error } = props;
  return (
    <View className={`option-group option-group--${layout}`}>
      <Text className="option-group__title">{title}</Text>
      <RadioGroup
        name={name}
        className="option-group__options"
        onChange={(e) => props.onChange(String(e.detail.value) as T)}
      >
        {options.map((option) => (
          <Label className="option-group__option" key={option.value}>
            <Radio
              className="option-group__radio"
              value={option.value}
              checked={option.value === value}
              color="#1f6feb"
              ariaLabel={`${title}：${option.label}`}
            />
            <View className="option-group__text">
              <Text className="option-group__label">{option.label}</Text>
              {option.description ? (
                <Paragraph className="option-group__description" text={option.description} />
              ) : null}
            </View>
          </Label>
        ))}
      </RadioGroup>
      {note ? <Paragraph className="option-group__note" text={note} /> : null}
      {error ? <Paragraph className="option-group__error" text={error} /> : null}
    </View>
  );
}
