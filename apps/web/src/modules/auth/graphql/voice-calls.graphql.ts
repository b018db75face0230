import { graphql } from '../../../gql';

/** Whether "Call me instead" is offered here (Twilio voice configured on the API). */
export const CodeDeliveryOptionsDocument = graphql(`
  query CodeDeliveryOptions {
    codeDeliveryOptions {
      voiceCalls
    }
  }
`);

export const CallLoginCodeDocument = graphql(`
  mutation CallLoginCode($input: CallLoginCodeInput!) {
    callLoginCode(input: $input) {
      ...SmsDispatchFields
      channel
    }
  }
`);

export const CallSmsMethodCodeDocument = graphql(`
  mutation CallSmsMethodCode($methodId: ID!) {
    callSmsMethodCode(methodId: $methodId) {
      ...SmsDispatchFields
      channel
    }
  }
`);
