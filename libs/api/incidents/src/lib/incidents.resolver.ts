import { Args, Field, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, type RequestContext } from '@parley/api/core';
import {
  ALL_INCIDENT_SEVERITIES,
  INCIDENT_SEVERITY_DESCRIPTIONS,
  INCIDENT_SEVERITY_LABELS,
  Permission,
} from '@parley/shared/domain';
import { IncidentActionsService } from './incident-actions.service';
import {
  AddIncidentPatientInput,
  CheckRemovalArgs,
  Incident,
  IncidentAction,
  IncidentIdArgs,
  IncidentPatient,
  IncidentsArgs,
  IncidentSeverityLevel,
  LinkIncidentPatientArgs,
  LogIncidentInput,
  RecordLadderStepInput,
  RecordWarningInput,
  RemovalCheck,
  RequestRemovalInput,
} from './incident.types';
import { IncidentsService } from './incidents.service';

@ObjectType({
  description: 'A step just recorded, and the incident as it now stands on the ladder.',
})
export class RecordedIncidentStep {
  @Field(() => IncidentAction) action!: IncidentAction;
  @Field(() => Incident) incident!: Incident;
}

/** Staff log incidents and the first steps; warnings and removal requests are for managers. */
@Resolver(() => Incident)
export class IncidentsResolver {
  constructor(
    private readonly incidentsService: IncidentsService,
    private readonly actions: IncidentActionsService,
  ) {}

  @Query(() => [Incident], {
    description: 'Most recently seen first, each with its ladder progress and next suggested step.',
  })
  @Allow(Permission.IncidentsRead)
  incidents(@Ctx() ctx: RequestContext, @Args() args: IncidentsArgs): Promise<Incident[]> {
    return this.incidentsService.list(ctx, args);
  }

  @Query(() => Incident)
  @Allow(Permission.IncidentsRead)
  incident(@Ctx() ctx: RequestContext, @Args() { id }: IncidentIdArgs): Promise<Incident> {
    return this.incidentsService.get(ctx, id);
  }

  @Query(() => [IncidentPatient], {
    description: "The practice's pseudonymous patient references.",
  })
  @Allow(Permission.IncidentsRead)
  incidentPatients(@Ctx() ctx: RequestContext): Promise<IncidentPatient[]> {
    return this.incidentsService.patients(ctx);
  }

  @Query(() => [IncidentSeverityLevel], {
    description: 'The severity levels with their descriptions, least serious first.',
  })
  @Allow(Permission.IncidentsRead)
  incidentSeverityLevels(): IncidentSeverityLevel[] {
    return ALL_INCIDENT_SEVERITIES.map((severity) => ({
      severity,
      label: INCIDENT_SEVERITY_LABELS[severity],
      description: INCIDENT_SEVERITY_DESCRIPTIONS[severity],
    }));
  }

  @Mutation(() => Incident)
  @Allow(Permission.IncidentsLog)
  logIncident(
    @Ctx() ctx: RequestContext,
    @Args('input') input: LogIncidentInput,
  ): Promise<Incident> {
    return this.incidentsService.log(ctx, input);
  }

  @Mutation(() => IncidentPatient)
  @Allow(Permission.IncidentsLog)
  addIncidentPatient(
    @Ctx() ctx: RequestContext,
    @Args('input') input: AddIncidentPatientInput,
  ): Promise<IncidentPatient> {
    return this.incidentsService.addPatient(ctx, input);
  }

  @Mutation(() => Incident, {
    description: 'Links the patient identified after the incident was logged.',
  })
  @Allow(Permission.IncidentsLog)
  linkIncidentPatient(
    @Ctx() ctx: RequestContext,
    @Args() { incidentId, patientId }: LinkIncidentPatientArgs,
  ): Promise<Incident> {
    return this.incidentsService.linkPatient(ctx, incidentId, patientId);
  }

  @Mutation(() => RecordedIncidentStep, {
    description: 'Records an invitation to discuss, or contacting the group’s administrators.',
  })
  @Allow(Permission.IncidentsLog)
  recordLadderStep(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RecordLadderStepInput,
  ): Promise<RecordedIncidentStep> {
    return this.actions.recordStep(ctx, input);
  }

  @Mutation(() => RecordedIncidentStep, {
    description: 'Records a formal warning given to the linked patient, with the reasons.',
  })
  @Allow(Permission.EscalationManage)
  recordWarning(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RecordWarningInput,
  ): Promise<RecordedIncidentStep> {
    return this.actions.recordWarning(ctx, input);
  }

  @Mutation(() => RecordedIncidentStep, {
    description:
      'Records a request to remove the linked patient from the list. Refused without a warning with reasons in the preceding 12 months ' +
      '(or the practice’s shorter window), unless immediate with a police incident reference.',
  })
  @Allow(Permission.EscalationManage)
  requestRemoval(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RequestRemovalInput,
  ): Promise<RecordedIncidentStep> {
    return this.actions.requestRemoval(ctx, input);
  }

  @Query(() => RemovalCheck, {
    description: 'Whether a removal request would stand, with its dates, before making it.',
  })
  @Allow(Permission.EscalationRead)
  checkRemoval(@Ctx() ctx: RequestContext, @Args() args: CheckRemovalArgs): Promise<RemovalCheck> {
    return this.actions.checkRemoval(ctx, args);
  }
}
