import { useId, useState } from 'react';
import type { LoginMethodFieldsFragment } from '../../../gql/graphql';
import { useT } from '../../../i18n/translator';
import { defaultFirst, methodName } from '../utils/method-names';

/**
 * "Try another method": a disclosure listing every method of the challenge by its name, the
 * default one first, the current one marked; choosing one closes the list.
 */
export function OtherMethods({
  methods,
  defaultMethod,
  current,
  onChoose,
}: {
  methods: readonly LoginMethodFieldsFragment[];
  defaultMethod: LoginMethodFieldsFragment;
  current: LoginMethodFieldsFragment;
  onChoose: (method: LoginMethodFieldsFragment) => void;
}) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <div className="other-methods">
      <button
        type="button"
        className="button button--link"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((value) => !value)}
      >
        {t('secondFactor.tryAnother')}
      </button>
      <ul id={id} className="method-list" hidden={!open}>
        {defaultFirst(methods, defaultMethod).map((candidate) => (
          <li key={candidate.id}>
            <button
              type="button"
              className="method-option"
              aria-current={candidate.id === current.id ? 'true' : undefined}
              onClick={() => {
                setOpen(false);
                onChoose(candidate);
              }}
            >
              {methodName(candidate, t)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
