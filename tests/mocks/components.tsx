/**
 * Boundary mock of `@tarojs/components` as plain DOM elements. Events keep Taro's shape:
 * Input reports `{ detail: { value } }`, CheckboxGroup `{ detail: { value: string[] } }`,
 * and an `openType="agreePrivacyAuthorization"` Button fires `onAgreePrivacyAuthorization`.
 */
import { createContext, useContext, useRef, type ReactNode } from 'react';

type Props = Record<string, any> & { children?: ReactNode };

/** The common attributes, renamed to their DOM spelling. */
function common(props: Props) {
  const aria = Object.fromEntries(Object.entries(props).filter(([key]) => key.startsWith('aria-')));
  return {
    id: props.id,
    className: props.className,
    role: props.role ?? props.ariaRole,
    'aria-label': props.ariaLabel,
    ...aria,
    // Taro takes a style string (React DOM would not): kept as data for the tests to read.
    'data-style': typeof props.style === 'string' ? props.style : undefined,
    onClick: props.onClick,
  };
}

export const View = (props: Props) => <div {...common(props)}>{props.children}</div>;
export const Text = (props: Props) => <span {...common(props)}>{props.children}</span>;
export const Label = (props: Props) => <label {...common(props)}>{props.children}</label>;
export const Navigator = (props: Props) => (
  <a {...common(props)} href={props.url}>
    {props.children}
  </a>
);

export const Input = (props: Props) => (
  <input
    {...common(props)}
    // jsdom sanitises type="number" values, WeChat's number keyboard does not: keep text.
    type="text"
    data-type={props.type}
    value={props.value ?? ''}
    placeholder={props.placeholder}
    maxLength={props.maxlength}
    disabled={!!props.disabled}
    onChange={(e) => props.onInput?.({ detail: { value: e.target.value } })}
    onBlur={(e) => props.onBlur?.({ detail: { value: e.target.value } })}
  />
);

export const Button = (props: Props) => (
  <button
    {...common(props)}
    type="button"
    disabled={!!props.disabled}
    data-open-type={props.openType}
    data-loading={props.loading ? 'true' : undefined}
    onClick={(e) => {
      props.onClick?.(e);
      if (props.openType === 'agreePrivacyAuthorization')
        props.onAgreePrivacyAuthorization?.({ detail: {} });
    }}
  >
    {props.children}
  </button>
);

const GroupContext = createContext<(value: string, checked: boolean) => void>(() => undefined);

export const CheckboxGroup = (props: Props) => {
  const checked = useRef(new Set<string>());
  const change = (value: string, isChecked: boolean) => {
    if (isChecked) checked.current.add(value);
    else checked.current.delete(value);
    props.onChange?.({ detail: { value: [...checked.current] } });
  };
  return (
    <GroupContext.Provider value={change}>
      <div {...common(props)}>{props.children}</div>
    </GroupContext.Provider>
  );
};

export const Checkbox = (props: Props) => {
  const change = useContext(GroupContext);
  return (
    <input
      {...common(props)}
      type="checkbox"
      value={props.value}
      checked={!!props.checked}
      disabled={!!props.disabled}
      onChange={(e) => change(props.value, e.target.checked)}
    />
  );
};

/** Like WeChat's textarea: reports `{ detail: { value } }` on input. */
export const Textarea = (props: Props) => (
  <textarea
    {...common(props)}
    value={props.value ?? ''}
    placeholder={props.placeholder}
    maxLength={props.maxlength === -1 ? undefined : props.maxlength}
    disabled={!!props.disabled}
    onChange={(e) => props.onInput?.({ detail: { value: e.target.value } })}
  />
);

export const Image = (props: Props) => (
  <img {...common(props)} src={props.src} alt={props.ariaLabel ?? ''} data-mode={props.mode} />
);

const RadioContext = createContext<(value: string) => void>(() => undefined);

/** Reports the chosen radio's value as a string: `{ detail: { value } }`. */
export const RadioGroup = (props: Props) => (
  <RadioContext.Provider value={(value) => props.onChange?.({ detail: { value } })}>
    <div {...common(props)} role="radiogroup">
      {props.children}
    </div>
  </RadioContext.Provider>
);

export const Radio = (props: Props) => {
  const choose = useContext(RadioContext);
  return (
    <input
      {...common(props)}
      type="radio"
      value={props.value}
      checked={!!props.checked}
      disabled={!!props.disabled}
      onChange={(e) => e.target.checked && choose(props.value)}
    />
  );
};
