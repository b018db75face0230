export interface SmsProviderGeneratorSchema {
  name: string;
  skipFormat?: boolean;
}
