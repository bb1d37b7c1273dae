using Wolverine.Http;

namespace Campaigns.Infrastructure.Http;

/// <summary>201 Created with a Location header and <c>{ "id": ... }</c>.</summary>
public record Created(Guid Id, string Url) : CreationResponse(Url);
