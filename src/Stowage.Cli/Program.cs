using Stowage.Cli.Commands;

return await StowageCommand.Create().Parse(args).InvokeAsync().ConfigureAwait(false);
