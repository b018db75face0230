import { useQuery } from '@apollo/client/react';
import { CodeDeliveryOptionsDocument } from '../graphql/voice-calls.graphql';

/** True when the API places calls ("Call me instead"); false while unknown or when it cannot. Asked once per app load. */
export function useVoiceCalls(): boolean {
  const { data } = useQuery(CodeDeliveryOptionsDocument, { fetchPolicy: 'cache-first' });
  return data?.codeDeliveryOptions.voiceCalls === true;
}
