// The one place these tests name the shared test infrastructure's namespace (main moved it to
// IptablesPolicy.TestInfrastructure: change this line when merging).
global using IptablesPolicy.Core.Tests.Infrastructure;
