Console.Error.WriteLine("permit-agent: no commands yet");
return 2;
