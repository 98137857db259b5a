using LineageHub.GraphQL.Execution;
using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Validation;

/// <summary>
/// Walks an executable document once, keeping graphql-js-style type information in the context and
/// calling every rule at every node, so validation is one pass however many rules there are.
/// Recursion is bounded by the parser's depth limit.
/// </summary>
internal sealed class DocumentWalker
{
    // Each hook calls only the rules that override it: most rules use one or two of the fifteen hooks.
    private readonly ValidationRule[] _enterArgument;
    private readonly ValidationRule[] _enterDirective;
    private readonly ValidationRule[] _enterDirectives;
    private readonly ValidationRule[] _enterDocument;
    private readonly ValidationRule[] _enterField;
    private readonly ValidationRule[] _enterFragmentDefinition;
    private readonly ValidationRule[] _enterFragmentSpread;
    private readonly ValidationRule[] _enterInlineFragment;
    private readonly ValidationRule[] _enterObjectField;
    private readonly ValidationRule[] _enterOperation;
    private readonly ValidationRule[] _enterSelectionSet;
    private readonly ValidationRule[] _enterValue;
    private readonly ValidationRule[] _enterVariableDefinition;
    private readonly ValidationRule[] _leaveDocument;
    private readonly ValidationRule[] _leaveOperation;

    private readonly ValidationContext _context;

    // The spread and variable-usage lists of the definition being walked, held here so a spread or a
    // variable does not cost a dictionary look-up.
    private List<FragmentSpreadNode> _spreads = [];
    private List<VariableUsage> _usages = [];

    public DocumentWalker(ValidationContext context, ValidationRule[] rules)
    {
        _context = context;
        var masks = new int[rules.Length];
        for (var i = 0; i < rules.Length; i++)
        {
            masks[i] = HookMask(rules[i].GetType());
        }
        _enterArgument = RulesOverriding(rules, masks, Hook.EnterArgument);
        _enterDirective = RulesOverriding(rules, masks, Hook.EnterDirective);
        _enterDirectives = RulesOverriding(rules, masks, Hook.EnterDirectives);
        _enterDocument = RulesOverriding(rules, masks, Hook.EnterDocument);
        _enterField = RulesOverriding(rules, masks, Hook.EnterField);
        _enterFragmentDefinition = RulesOverriding(rules, masks, Hook.EnterFragmentDefinition);
        _enterFragmentSpread = RulesOverriding(rules, masks, Hook.EnterFragmentSpread);
        _enterInlineFragment = RulesOverriding(rules, masks, Hook.EnterInlineFragment);
        _enterObjectField = RulesOverriding(rules, masks, Hook.EnterObjectField);
        _enterOperation = RulesOverriding(rules, masks, Hook.EnterOperation);
        _enterSelectionSet = RulesOverriding(rules, masks, Hook.EnterSelectionSet);
        _enterValue = RulesOverriding(rules, masks, Hook.EnterValue);
        _enterVariableDefinition = RulesOverriding(rules, masks, Hook.EnterVariableDefinition);
        _leaveDocument = RulesOverriding(rules, masks, Hook.LeaveDocument);
        _leaveOperation = RulesOverriding(rules, masks, Hook.LeaveOperation);
    }

    private enum Hook
    {
        EnterArgument, EnterDirective, EnterDirectives, EnterDocument, EnterField, EnterFragmentDefinition,
        EnterFragmentSpread, EnterInlineFragment, EnterObjectField, EnterOperation, EnterSelectionSet,
        EnterValue, EnterVariableDefinition, LeaveDocument, LeaveOperation,
    }

    // Which hooks a rule class overrides, one bit per Hook, found by reflection once per class: every
    // request is validated, and looking the methods up each time cost more than some rules.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, int> HookMasks = new();

    private static int HookMask(Type ruleType) => HookMasks.GetOrAdd(ruleType, static type =>
    {
        var mask = 0;
        foreach (var hook in Enum.GetValues<Hook>())
        {
            if (type.GetMethod(hook.ToString())!.DeclaringType != typeof(ValidationRule))
            {
                mask |= 1 << (int)hook;
            }
        }
        return mask;
    });

    private static ValidationRule[] RulesOverriding(ValidationRule[] rules, int[] masks, Hook hook)
    {
        var bit = 1 << (int)hook;
        var count = 0;
        foreach (var mask in masks)
        {
            count += (mask & bit) != 0 ? 1 : 0;
        }
        var result = new ValidationRule[count];
        var next = 0;
        for (var i = 0; i < rules.Length; i++)
        {
            if ((masks[i] & bit) != 0)
            {
                result[next++] = rules[i];
            }
        }
        return result;
    }

    public void Walk()
    {
        var document = _context.Document;
        foreach (var rule in _enterDocument)
        {
            rule.EnterDocument(_context, document);
        }
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case OperationDefinitionNode op:
                    WalkOperation(op);
                    break;
                case FragmentDefinitionNode fragment:
                    WalkFragmentDefinition(fragment);
                    break;
            }
        }
        foreach (var rule in _leaveDocument)
        {
            rule.LeaveDocument(_context, document);
        }
    }

    private void WalkOperation(OperationDefinitionNode op)
    {
        _context.CurrentDefinition = op;
        _context.VariableUsages[op] = _usages = [];
        _context.Spreads[op] = _spreads = [];
        var root = op.Operation switch
        {
            OperationType.Query => _context.Schema.QueryType,
            OperationType.Mutation => _context.Schema.MutationType,
            _ => _context.Schema.SubscriptionType,
        };
        _context.Type = root;
        _context.ParentType = null;
        foreach (var rule in _enterOperation)
        {
            rule.EnterOperation(_context, op);
        }
        foreach (var variable in op.VariableDefinitions)
        {
            foreach (var rule in _enterVariableDefinition)
            {
                rule.EnterVariableDefinition(_context, variable);
            }
            var type = ValueCoercion.TypeFromAst(_context.Schema, variable.Type);
            WalkDirectives(variable.Directives, "VARIABLE_DEFINITION");
            if (variable.DefaultValue is not null)
            {
                WalkValueWithType(variable.DefaultValue, type is { IsInputType: true } ? type : null, null, false);
            }
        }
        WalkDirectives(op.Directives, op.Operation switch
        {
            OperationType.Query => "QUERY",
            OperationType.Mutation => "MUTATION",
            _ => "SUBSCRIPTION",
        });
        _context.Type = root;
        WalkSelectionSet(op.SelectionSet);
        foreach (var rule in _leaveOperation)
        {
            rule.LeaveOperation(_context, op);
        }
    }

    private void WalkFragmentDefinition(FragmentDefinitionNode fragment)
    {
        _context.CurrentDefinition = fragment;
        if (!_context.VariableUsages.TryGetValue(fragment, out _usages!))
        {
            _context.VariableUsages[fragment] = _usages = [];
        }
        if (!_context.Spreads.TryGetValue(fragment, out _spreads!))
        {
            _context.Spreads[fragment] = _spreads = [];
        }
        var type = _context.Schema.GetType(fragment.TypeCondition.Name);
        _context.Type = type;
        _context.ParentType = null;
        foreach (var rule in _enterFragmentDefinition)
        {
            rule.EnterFragmentDefinition(_context, fragment);
        }
        WalkDirectives(fragment.Directives, "FRAGMENT_DEFINITION");
        _context.Type = type;
        WalkSelectionSet(fragment.SelectionSet);
    }

    private void WalkSelectionSet(SelectionSetNode selectionSet)
    {
        var savedParent = _context.ParentType;
        var named = _context.Type?.NamedType;
        _context.ParentType = named is { IsComposite: true } ? named : null;
        foreach (var rule in _enterSelectionSet)
        {
            rule.EnterSelectionSet(_context, selectionSet);
        }
        foreach (var selection in selectionSet.SelectionSpan)
        {
            switch (selection)
            {
                case FieldNode field:
                    WalkField(field);
                    break;
                case FragmentSpreadNode spread:
                    _spreads.Add(spread);
                    _context.SpreadTarget = _context.Fragments.GetValueOrDefault(spread.Name);
                    foreach (var rule in _enterFragmentSpread)
                    {
                        rule.EnterFragmentSpread(_context, spread);
                    }
                    WalkDirectives(spread.Directives, "FRAGMENT_SPREAD");
                    break;
                case InlineFragmentNode inline:
                    WalkInlineFragment(inline);
                    break;
            }
        }
        _context.ParentType = savedParent;
    }

    private void WalkField(FieldNode field)
    {
        var parent = _context.ParentType;
        var definition = parent is null ? null : _context.Schema.GetField(parent, field.Name);
        var savedType = _context.Type;
        var savedField = _context.FieldDefinition;
        _context.FieldDefinition = definition;
        _context.Type = definition?.Type;
        foreach (var rule in _enterField)
        {
            rule.EnterField(_context, field);
        }
        var arguments = field.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            WalkArgument(arguments[i], definition?.Arguments.GetValueOrDefault(arguments[i].Name));
        }
        if (field.Directives.Count > 0)
        {
            WalkDirectives(field.Directives, "FIELD");
        }
        if (field.SelectionSet is not null)
        {
            _context.Type = definition?.Type;
            WalkSelectionSet(field.SelectionSet);
        }
        _context.Type = savedType;
        _context.FieldDefinition = savedField;
    }

    private void WalkInlineFragment(InlineFragmentNode inline)
    {
        var savedType = _context.Type;
        var type = inline.TypeCondition is null ? (GraphQLType?)_context.Type?.NamedType : _context.Schema.GetType(inline.TypeCondition.Name);
        _context.Type = type;
        foreach (var rule in _enterInlineFragment)
        {
            rule.EnterInlineFragment(_context, inline);
        }
        WalkDirectives(inline.Directives, "INLINE_FRAGMENT");
        _context.Type = type;
        WalkSelectionSet(inline.SelectionSet);
        _context.Type = savedType;
    }

    private void WalkDirectives(IReadOnlyList<DirectiveNode> directives, string location)
    {
        if (directives.Count == 0)
        {
            return;
        }
        foreach (var rule in _enterDirectives)
        {
            rule.EnterDirectives(_context, directives, location);
        }
        foreach (var directive in directives)
        {
            var definition = _context.Schema.GetDirective(directive.Name);
            _context.Directive = definition;
            _context.InDirective = true;
            foreach (var rule in _enterDirective)
            {
                rule.EnterDirective(_context, directive, location);
            }
            foreach (var argument in directive.Arguments)
            {
                WalkArgument(argument, definition?.Arguments.GetValueOrDefault(argument.Name));
            }
            _context.Directive = null;
            _context.InDirective = false;
        }
    }

    private void WalkArgument(ArgumentNode argument, InputValue? definition)
    {
        _context.ArgumentDefinition = definition;
        foreach (var rule in _enterArgument)
        {
            rule.EnterArgument(_context, argument);
        }
        WalkValueWithType(argument.Value, definition?.Type, null, definition?.DefaultValue is not null);
        _context.ArgumentDefinition = null;
    }

    private void WalkValueWithType(ValueNode value, GraphQLType? type, NamedType? parentInputType, bool hasDefault)
    {
        var savedInput = _context.InputType;
        var savedParent = _context.ParentInputType;
        var savedDefault = _context.InputHasDefault;
        _context.InputType = type;
        _context.ParentInputType = parentInputType;
        _context.InputHasDefault = hasDefault;
        foreach (var rule in _enterValue)
        {
            rule.EnterValue(_context, value);
        }
        switch (value)
        {
            case VariableNode variable:
                if (_context.CurrentDefinition is not null)
                {
                    _usages.Add(new VariableUsage(variable, type, hasDefault));
                }
                break;
            case ListValueNode list:
                var itemType = type?.Nullable is ListType l ? l.OfType : type;
                foreach (var item in list.Values)
                {
                    WalkValueWithType(item, itemType, parentInputType, false);
                }
                break;
            case ObjectValueNode obj:
                var inputObject = type?.NamedType as InputObjectType;
                foreach (var field in obj.Fields)
                {
                    var fieldDefinition = inputObject?.Fields.GetValueOrDefault(field.Name);
                    _context.InputType = fieldDefinition?.Type;
                    _context.ParentInputType = type?.NamedType;
                    foreach (var rule in _enterObjectField)
                    {
                        rule.EnterObjectField(_context, field);
                    }
                    WalkValueWithType(field.Value, fieldDefinition?.Type, type?.NamedType, fieldDefinition?.DefaultValue is not null);
                }
                break;
        }
        _context.InputType = savedInput;
        _context.ParentInputType = savedParent;
        _context.InputHasDefault = savedDefault;
    }
}
