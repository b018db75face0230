import { useT } from '../../../i18n/translator';
import { Field } from '../../../ui/Field';

/** The optional description of a new method (a number or an app), with the API's length limit. */
export function DescriptionField(props: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  hint: string;
  maxLength: number;
  error?: string | null;
}) {
  const t = useT();
  const tooLong = props.value.length > props.maxLength;
  return (
    <Field
      id={props.id}
      label={t('methods.description')}
      optional
      hint={props.hint}
      error={tooLong ? t('methods.descriptionTooLong', { max: props.maxLength }) : (props.error ?? null)}
    >
      {(aria) => (
        <input
          {...aria}
          type="text"
          autoComplete="off"
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
