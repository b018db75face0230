import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@twofold/error-codes';
import { render } from '../../../test/render';
import { UpdateAccountDocument } from '../graphql/security.graphql';
import { LanguageSetting } from './LanguageSetting';

describe('LanguageSetting', () => {
  it("stores the account's language through updateAccount and says so in that language", async () => {
    const onMessage = jest.fn();
    render(
      <MockedProvider
        mocks={[
          {
            request: { query: UpdateAccountDocument, variables: { input: { locale: 'fr' } } },
            result: { data: { updateAccount: { __typename: 'Account', id: 'a1', locale: 'fr' } } },
          },
        ]}
      >
        <LanguageSetting locale="en" onMessage={onMessage} />
      </MockedProvider>,
    );
    const select = screen.getByLabelText('Account language') as HTMLSelectElement;
    expect(screen.getByText('The language of this site and of the SMS we send you.')).toBeTruthy();
    expect(select.value).toBe('en');
    await userEvent.selectOptions(select, 'Français');
    await waitFor(() => expect(onMessage).toHaveBeenCalledWith('Langue changée\u00a0: Français.'));
  });

  it('shows a refusal in the current language', async () => {
    render(
      <MockedProvider
        mocks={[
          {
            request: { query: UpdateAccountDocument, variables: { input: { locale: 'en' } } },
            result: {
              errors: [
                new GraphQLError('Use "en" or "fr".', {
                  extensions: { code: ErrorCode.BAD_USER_INPUT, fields: { locale: 'Use "en" or "fr".' } },
                }),
              ],
            },
          },
        ]}
      >
        <LanguageSetting locale="fr" onMessage={jest.fn()} />
      </MockedProvider>,
      { locale: 'fr' },
    );
    await userEvent.selectOptions(screen.getByLabelText('Langue du compte'), 'English');
    expect(await screen.findByText('Choisissez l’une des langues proposées.')).toBeTruthy();
  });
});
