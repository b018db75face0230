import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '../../../test/render';
import { RequestPasswordResetDocument } from '../graphql/password-reset.graphql';
import { ForgotPasswordPage } from './ForgotPasswordPage';

const request = (email: string, result: object) => ({ request: { query: RequestPasswordResetDocument, variables: { input: { email } } }, result });
const SENT = /If an account has this address, a link to choose a new password is on its way/;

describe('ForgotPasswordPage', () => {
  it.each(['ada@example.com', 'nobody@example.com'])('says the same thing once sent, whatever the address (%s)', async (email) => {
    render(
      <MockedProvider mocks={[request(email, { data: { requestPasswordReset: true } })]}>
        <ForgotPasswordPage />
      </MockedProvider>,
    );
    await userEvent.type(screen.getByLabelText('Email'), email);
    await userEvent.click(screen.getByRole('button', { name: 'Send me a link' }));
    expect(await screen.findByText(SENT)).toBeTruthy();
    expect(screen.queryByLabelText('Email')).toBeNull();
    expect(screen.getByRole('link', { name: 'Back to Log in' }).getAttribute('href')).toBe('#/login');
  });

  it('speaks French', async () => {
    render(
      <MockedProvider mocks={[request('ada@example.com', { data: { requestPasswordReset: true } })]}>
        <ForgotPasswordPage />
      </MockedProvider>,
      { locale: 'fr' },
    );
    await userEvent.type(screen.getByLabelText('E-mail'), 'ada@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Envoyez-moi un lien' }));
    expect(await screen.findByText(/Si un compte a cette adresse/)).toBeTruthy();
  });

  it('shows a refused address beside the field and keeps the form', async () => {
    render(
      <MockedProvider mocks={[request('', { errors: [new GraphQLError('x', { extensions: { code: 'BAD_USER_INPUT', fields: { email: 'Enter your email address.' } } })] })]}>
        <ForgotPasswordPage />
      </MockedProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send me a link' }));
    expect(await screen.findByText('Enter your email address.')).toBeTruthy();
    expect(screen.getByLabelText('Email')).toBeTruthy();
    expect(screen.queryByText(SENT)).toBeNull();
  });
});
