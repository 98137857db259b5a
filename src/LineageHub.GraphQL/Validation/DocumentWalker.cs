using LineageHub.GraphQL.Execution;
using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Validation;

/// <summary>
/// Walks an executable document once, keeping graphql-js-style type information in the context and
/// calling every rule at every node, so validation is one pass however many rules there are.
/// Recursion is bounded by the parser's depth limit.
/// </summary>
internal sealed class DocumentWalker(ValidationContext context, ValidationRule[] rules)
{
    // Each hook calls only the rules that override it: most rules use one or two of the fifteen hooks.
    private readonly ValidationRule[] _enterArgument = RulesOverriding(rules, Hook.EnterArgument);
    private readonly ValidationRule[] _enterDirective = RulesOverriding(rules, Hook.EnterDirective);
    private readonly ValidationRule[] _enterDirectives = RulesOverriding(rules, Hook.EnterDirectives);
    private readonly ValidationRule[] _enterDocument = RulesOverriding(rules, Hook.EnterDocument);
    private readonly ValidationRule[] _enterField = RulesOverriding(rules, Hook.EnterField);
    private readonly ValidationRule[] _enterFragmentDefinition = RulesOverriding(rules, Hook.EnterFragmentDefinition);
    private readonly ValidationRule[] _enterFragmentSpread = RulesOverriding(rules, Hook.EnterFragmentSpread);
    private readonly ValidationRule[] _enterInlineFragment = RulesOverriding(rules, Hook.EnterInlineFragment);
    private readonly ValidationRule[] _enterObjectField = RulesOverriding(rules, Hook.EnterObjectField);
    private readonly ValidationRule[] _enterOperation = RulesOverriding(rules, Hook.EnterOperation);
    private readonly ValidationRule[] _enterSelectionSet = RulesOverriding(rules, Hook.EnterSelectionSet);
    private readonly ValidationRule[] _enterValue = RulesOverriding(rules, Hook.EnterValue);
    private readonly ValidationRule[] _enterVariableDefinition = RulesOverriding(rules, Hook.EnterVariableDefinition);
    private readonly ValidationRule[] _leaveDocument = RulesOverriding(rules, Hook.LeaveDocument);
    private readonly ValidationRule[] _leaveOperation = RulesOverriding(rules, Hook.LeaveOperation);

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

    private static ValidationRule[] RulesOverriding(ValidationRule[] rules, Hook hook)
    {
        var bit = 1 << (int)hook;
        var count = 0;
        foreach (var rule in rules)
        {
            count += (HookMask(rule.GetType()) & bit) != 0 ? 1 : 0;
        }
        var result = new ValidationRule[count];
        var i = 0;
        foreach (var rule in rules)
        {
            if ((HookMask(rule.GetType()) & bit) != 0)
            {
                result[i++] = rule;
            }
        }
        return result;
    }

    public void Walk()
    {
        var document = context.Document;
        foreach (var rule in _enterDocument)
        {
            rule.EnterDocument(context, document);
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
            rule.LeaveDocument(context, document);
        }
    }

    private void WalkOperation(OperationDefinitionNode op)
    {
        context.CurrentDefinition = op;
        context.VariableUsages[op] = [];
        context.Spreads[op] = [];
        var root = op.Operation switch
        {
            OperationType.Query => context.Schema.QueryType,
            OperationType.Mutation => context.Schema.MutationType,
            _ => context.Schema.SubscriptionType,
        };
        context.Type = root;
        context.ParentType = null;
        foreach (var rule in _enterOperation)
        {
            rule.EnterOperation(context, op);
        }
        foreach (var variable in op.VariableDefinitions)
        {
            foreach (var rule in _enterVariableDefinition)
            {
                rule.EnterVariableDefinition(context, variable);
            }
            var type = ValueCoercion.TypeFromAst(context.Schema, variable.Type);
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
        context.Type = root;
        WalkSelectionSet(op.SelectionSet);
        foreach (var rule in _leaveOperation)
        {
            rule.LeaveOperation(context, op);
        }
    }

    private void WalkFragmentDefinition(FragmentDefinitionNode fragment)
    {
        context.CurrentDefinition = fragment;
        context.VariableUsages.TryAdd(fragment, []);
        context.Spreads.TryAdd(fragment, []);
        var type = context.Schema.GetType(fragment.TypeCondition.Name);
        context.Type = type;
        context.ParentType = null;
        foreach (var rule in _enterFragmentDefinition)
        {
            rule.EnterFragmentDefinition(context, fragment);
        }
        WalkDirectives(fragment.Directives, "FRAGMENT_DEFINITION");
        context.Type = type;
        WalkSelectionSet(fragment.SelectionSet);
    }

    private void WalkSelectionSet(SelectionSetNode selectionSet)
    {
        var savedParent = context.ParentType;
        var named = context.Type?.NamedType;
        context.ParentType = named is { IsComposite: true } ? named : null;
        foreach (var rule in _enterSelectionSet)
        {
            rule.EnterSelectionSet(context, selectionSet);
        }
        // Index loops rather than foreach: the AST's lists are interfaces, and a foreach over one
        // allocates an enumerator per selection set on the hottest path of every request.
        var selections = selectionSet.Selections;
        for (var i = 0; i < selections.Count; i++)
        {
            switch (selections[i])
            {
                case FieldNode field:
                    WalkField(field);
                    break;
                case FragmentSpreadNode spread:
                    context.Spreads[context.CurrentDefinition!].Add(spread);
                    foreach (var rule in _enterFragmentSpread)
                    {
                        rule.EnterFragmentSpread(context, spread);
                    }
                    WalkDirectives(spread.Directives, "FRAGMENT_SPREAD");
                    break;
                case InlineFragmentNode inline:
                    WalkInlineFragment(inline);
                    break;
            }
        }
        context.ParentType = savedParent;
    }

    private void WalkField(FieldNode field)
    {
        var parent = context.ParentType;
        var definition = parent is null ? null : context.Schema.GetField(parent, field.Name);
        var savedType = context.Type;
        var savedField = context.FieldDefinition;
        context.FieldDefinition = definition;
        context.Type = definition?.Type;
        foreach (var rule in _enterField)
        {
            rule.EnterField(context, field);
        }
        var arguments = field.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            WalkArgument(arguments[i], definition?.Arguments.GetValueOrDefault(arguments[i].Name));
        }
        WalkDirectives(field.Directives, "FIELD");
        if (field.SelectionSet is not null)
        {
            context.Type = definition?.Type;
            WalkSelectionSet(field.SelectionSet);
        }
        context.Type = savedType;
        context.FieldDefinition = savedField;
    }

    private void WalkInlineFragment(InlineFragmentNode inline)
    {
        var savedType = context.Type;
        var type = inline.TypeCondition is null ? (GraphQLType?)context.Type?.NamedType : context.Schema.GetType(inline.TypeCondition.Name);
        context.Type = type;
        foreach (var rule in _enterInlineFragment)
        {
            rule.EnterInlineFragment(context, inline);
        }
        WalkDirectives(inline.Directives, "INLINE_FRAGMENT");
        context.Type = type;
        WalkSelectionSet(inline.SelectionSet);
        context.Type = savedType;
    }

    private void WalkDirectives(IReadOnlyList<DirectiveNode> directives, string location)
    {
        if (directives.Count == 0)
        {
            return;
        }
        foreach (var rule in _enterDirectives)
        {
            rule.EnterDirectives(context, directives, location);
        }
        foreach (var directive in directives)
        {
            var definition = context.Schema.GetDirective(directive.Name);
            context.Directive = definition;
            context.InDirective = true;
            foreach (var rule in _enterDirective)
            {
                rule.EnterDirective(context, directive, location);
            }
            foreach (var argument in directive.Arguments)
            {
                WalkArgument(argument, definition?.Arguments.GetValueOrDefault(argument.Name));
            }
            context.Directive = null;
            context.InDirective = false;
        }
    }

    private void WalkArgument(ArgumentNode argument, InputValue? definition)
    {
        context.ArgumentDefinition = definition;
        foreach (var rule in _enterArgument)
        {
            rule.EnterArgument(context, argument);
        }
        WalkValueWithType(argument.Value, definition?.Type, null, definition?.DefaultValue is not null);
        context.ArgumentDefinition = null;
    }

    private void WalkValueWithType(ValueNode value, GraphQLType? type, NamedType? parentInputType, bool hasDefault)
    {
        var savedInput = context.InputType;
        var savedParent = context.ParentInputType;
        var savedDefault = context.InputHasDefault;
        context.InputType = type;
        context.ParentInputType = parentInputType;
        context.InputHasDefault = hasDefault;
        foreach (var rule in _enterValue)
        {
            rule.EnterValue(context, value);
        }
        switch (value)
        {
            case VariableNode variable:
                if (context.CurrentDefinition is not null)
                {
                    context.VariableUsages[context.CurrentDefinition].Add(new VariableUsage(variable, type, hasDefault));
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
                    context.InputType = fieldDefinition?.Type;
                    context.ParentInputType = type?.NamedType;
                    foreach (var rule in _enterObjectField)
                    {
                        rule.EnterObjectField(context, field);
                    }
                    WalkValueWithType(field.Value, fieldDefinition?.Type, type?.NamedType, fieldDefinition?.DefaultValue is not null);
                }
                break;
        }
        context.InputType = savedInput;
        context.ParentInputType = savedParent;
        context.InputHasDefault = savedDefault;
    }
}
