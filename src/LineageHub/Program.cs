using LineageHub.Cli;

return await LineageHubCli.RunAsync(args);
