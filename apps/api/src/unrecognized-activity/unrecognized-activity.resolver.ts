import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Meta, Public } from '../common/decorators';
import type { RequestMeta } from '../common/request-context';
import { ActivityReportModel } from './dto/activity-report.type';
import { ReportUnrecognizedActivityInput } from './dto/report-unrecognized-activity.input';
import { UnrecognizedActivityService } from './unrecognized-activity.service';

@Resolver()
export class UnrecognizedActivityResolver {
  constructor(private readonly activity: UnrecognizedActivityService) {}

  @Public()
  @Mutation(() => ActivityReportModel, {
    description:
      'The "This wasn\'t me" link of a security-notice e-mail (single use, SECURITY_ALERT_TTL_SECONDS): ends every session and remembered device of the account, cancels a pending lost-phone recovery and records ACTIVITY_REPORTED; the customer should then sign in and change the password. BAD_USER_INPUT for an unknown, used or expired token. No session needed.',
  })
  reportUnrecognizedActivity(@Args('input') input: ReportUnrecognizedActivityInput, @Meta() meta: RequestMeta): Promise<ActivityReportModel> {
    return this.activity.report(input.token, meta);
  }
}
