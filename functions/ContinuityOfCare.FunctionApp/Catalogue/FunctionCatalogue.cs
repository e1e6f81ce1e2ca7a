namespace ContinuityOfCare.FunctionApp.Catalogue;

/// <summary>
/// Every function of the app: the <c>function.json</c> files under the app root (one folder per function, as the
/// Azure Functions host lays them out) matched to the classes registered for them. Built once at start-up; a
/// function.json without a class, or a class without a definition, stops the app.
/// </summary>
public sealed class FunctionCatalogue
{
    private readonly Dictionary<string, (FunctionDefinition Definition, Type FunctionType)> _functions;

    /// <summary>Reads the definitions under <paramref name="appRoot"/> and matches them to <paramref name="registrations"/>.</summary>
    /// <exception cref="InvalidDataException">A function.json is invalid, or a definition and a class do not match up.</exception>
    public FunctionCatalogue(string appRoot, IEnumerable<FunctionRegistration> registrations)
    {
        ArgumentNullException.ThrowIfNull(appRoot);
        ArgumentNullException.ThrowIfNull(registrations);
        var fromFiles = ReadDefinitions(appRoot);
        _functions = new Dictionary<string, (FunctionDefinition, Type)>(StringComparer.OrdinalIgnoreCase);
        foreach (var registration in registrations)
        {
            var definition = registration.Definition
                ?? fromFiles.GetValueOrDefault(registration.Name)
                ?? throw new InvalidDataException($"function {registration.Name} is registered but {registration.Name}/function.json was not found under {appRoot}");
            if (!_functions.TryAdd(registration.Name, (definition, registration.FunctionType)))
            {
                throw new InvalidDataException($"function {registration.Name} is registered twice");
            }
        }

        var unregistered = fromFiles.Keys.Where(name => !_functions.ContainsKey(name)).ToList();
        if (unregistered.Count > 0)
        {
            throw new InvalidDataException($"function.json without a registered class: {string.Join(", ", unregistered)}");
        }
    }

    /// <summary>Every function definition, by name.</summary>
    public IEnumerable<FunctionDefinition> Definitions => _functions.Values.Select(entry => entry.Definition).OrderBy(d => d.Name, StringComparer.Ordinal);

    /// <summary>The definition of a function, or null.</summary>
    public FunctionDefinition? Find(string name) => _functions.TryGetValue(name, out var entry) ? entry.Definition : null;

    /// <summary>The functions whose trigger has the given type.</summary>
    public IEnumerable<FunctionDefinition> WithTrigger(string triggerType) =>
        Definitions.Where(definition => definition.Trigger.Type.Equals(triggerType, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads <c>*/function.json</c> under <paramref name="appRoot"/>: the folder name is the function name.</summary>
    public static Dictionary<string, FunctionDefinition> ReadDefinitions(string appRoot)
    {
        ArgumentNullException.ThrowIfNull(appRoot);
        var definitions = new Dictionary<string, FunctionDefinition>(StringComparer.OrdinalIgnoreCase);
        if (!System.IO.Directory.Exists(appRoot))
        {
            return definitions;
        }

        foreach (var folder in System.IO.Directory.EnumerateDirectories(appRoot))
        {
            var file = Path.Combine(folder, "function.json");
            if (File.Exists(file))
            {
                var name = Path.GetFileName(folder);
                definitions[name] = FunctionJsonReader.Parse(name, File.ReadAllText(file));
            }
        }

        return definitions;
    }
}
